using System.Text;
using CdrSdk.Tool.Commands;
using CdrSdk.Tool.Export;
using CdrSdk.Tool.Terminal;

namespace CdrSdk.Tests.Tool;

/// <summary>
/// Runs <c>cdr</c> in-process, as <c>Program</c> does, with captured standard output and error (neither a
/// terminal) and a given environment. For the process itself, see <see cref="CdrProcess"/>.
/// </summary>
public sealed class CliRun
{
    private CliRun(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    /// <summary>Standard output: help, the emulator's addresses, an export to <c>--out -</c>.</summary>
    public string Output { get; }

    /// <summary>Standard error: summaries and errors.</summary>
    public string Error { get; }

    public static async Task<CliRun> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null, string? emulatorState = null,
        CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var data = new MemoryStream();
        var host = Host(output, error, environment, emulatorState, data);
        var code = await CdrInvocation.RunAsync(CdrCommand.Create(host), host, args, cancellationToken);
        return new CliRun(code, output + Encoding.UTF8.GetString(data.ToArray()), error.ToString());
    }

    /// <summary>A host whose standard output and error are the given writers (neither a terminal).</summary>
    internal static CliHost Host(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string>? environment = null, string? emulatorState = null,
        Stream? data = null) => new()
    {
        Out = output,
        Error = error,
        OpenStandardOutput = () => new NonClosingStream(data ?? Stream.Null),
        Environment = new ProviderEnvironment(name => environment is not null && environment.TryGetValue(name, out var value) ? value : null),
        EmulatorState = emulatorState ?? Path.Combine(Path.GetTempPath(), "cdrsdk-tests-emulator"),
    };

    /// <summary>Starts <c>cdr</c> with <paramref name="args"/> on <paramref name="host"/>, as <c>Program</c> does.</summary>
    internal static Task<int> StartAsync(CliHost host, string[] args, CancellationToken cancellationToken) =>
        CdrInvocation.RunAsync(CdrCommand.Create(host), host, args, cancellationToken);

    /// <summary>Keeps the captured bytes readable after the export disposes "standard output".</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
