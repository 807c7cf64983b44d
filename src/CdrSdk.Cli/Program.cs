using CdrSdk.Tool.Commands;
using CdrSdk.Tool.Terminal;

var host = CliHost.Process();
return await CdrInvocation.RunAsync(CdrCommand.Create(host), host, args).ConfigureAwait(false);
