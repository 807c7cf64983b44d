using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Tests.Infrastructure;

/// <summary>Captures every log message (formatted) at every level, for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId EventId, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, EventId EventId, string Category, string Message)> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((logLevel, eventId, category, formatter(state, exception) + (exception is null ? string.Empty : " | " + exception)));
    }
}
