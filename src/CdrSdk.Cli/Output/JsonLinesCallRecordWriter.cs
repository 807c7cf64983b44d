using System.Text.Encodings.Web;
using System.Text.Json;

namespace CdrSdk.Tool.Output;

/// <summary>
/// JSON Lines: one object per record with the same field names as the CSV columns, numbers as JSON numbers,
/// absent values as <c>null</c>, <c>\n</c> after each object. Written with <see cref="Utf8JsonWriter"/>, no reflection.
/// </summary>
internal sealed class JsonLinesCallRecordWriter : ICallRecordWriter
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;

    /// <param name="stream">The output; give it a buffer of its own (each record is flushed into it).</param>
    public JsonLinesCallRecordWriter(Stream stream)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public ValueTask WriteHeaderAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask WriteAsync(CallRecord record, CancellationToken cancellationToken)
    {
        _json.WriteStartObject();
        _json.WriteString(CallRecordColumns.Provider, CallRecordColumns.Word(record.Provider.ToString()));
        _json.WriteString(CallRecordColumns.Id, record.Id);
        _json.WriteString(CallRecordColumns.Kind, CallRecordColumns.Word(record.Kind.ToString()));
        _json.WriteString(CallRecordColumns.Direction, CallRecordColumns.Word(record.Direction.ToString()));
        _json.WriteString(CallRecordColumns.From, record.From);
        _json.WriteString(CallRecordColumns.To, record.To);
        _json.WriteString(CallRecordColumns.StartedAt, CallRecordColumns.Time(record.StartedAt));
        _json.WriteString(CallRecordColumns.AnsweredAt, CallRecordColumns.Time(record.AnsweredAt));
        _json.WriteString(CallRecordColumns.EndedAt, CallRecordColumns.Time(record.EndedAt));
        WriteNumber(CallRecordColumns.DurationSeconds, record.Duration?.TotalSeconds);
        WriteNumber(CallRecordColumns.BillableSeconds, record.BillableDuration?.TotalSeconds);
        _json.WriteString(CallRecordColumns.Outcome, CallRecordColumns.Word(record.Outcome.ToString()));
        _json.WriteString(CallRecordColumns.RawOutcome, record.RawOutcome);
        if (record.Cost is { } cost)
        {
            _json.WriteNumber(CallRecordColumns.Cost, cost);
        }
        else
        {
            _json.WriteNull(CallRecordColumns.Cost);
        }

        _json.WriteString(CallRecordColumns.Currency, record.Currency);
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _stream.Write(NewLine);
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => new(_stream.FlushAsync(cancellationToken));

    // The stream stays open: the export owns it.
    public ValueTask DisposeAsync() => _json.DisposeAsync();

    private void WriteNumber(string name, double? value)
    {
        if (value is { } v)
        {
            _json.WriteNumber(name, Math.Round(v, 3));
        }
        else
        {
            _json.WriteNull(name);
        }
    }
}
