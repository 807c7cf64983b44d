using System.CommandLine;
using System.CommandLine.Invocation;

namespace CdrSdk.Tool.Terminal;

/// <summary>
/// Runs a command line the way every <c>cdr</c> command expects: a parse error is one line on standard error with
/// exit code 2 (never the whole help), help and data go to standard output, an exception no command handled is
/// classified and reported in one line (with its stack trace only under <c>--verbose</c>), and Ctrl+C cancels the
/// command's token so it can stop cleanly.
/// </summary>
internal static class CdrInvocation
{
    /// <summary>How long a cancelled command may take to stop before the process ends anyway.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(RootCommand root, CliHost host, IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            return host.ContextFor(parse).Errors.Report(new CliFailure(ExitCodes.UsageError, UsageErrors.Describe(parse)));
        }

        var configuration = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = StopTimeout,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return host.ContextFor(parse).Errors.Report(ex);
        }
    }
}
