using CdrSdk.Benchmarks;

// Whole-run harness: every measurement runs in a fresh child process (so peak working set is its own), against
// an emulator running in another child process (so the server's memory is not counted).
//   dotnet run -c Release --project tests/CdrSdk.Benchmarks -- <scenario|all> [--quick]
//   dotnet run -c Release --project tests/CdrSdk.Benchmarks -- micro [BenchmarkDotNet arguments, e.g. --filter *]
//   (internal) serve: run the emulator; measure <case> <base address> <count>: run one measurement
return args.FirstOrDefault() switch
{
    "micro" => RunMicro(args[1..]),
    "serve" => await HarnessServer.RunAsync(args[1..]),
    "replay" => await ReplayServer.RunAsync(args[1..]),
    "measure" => await Measurement.RunAsync(args[1..]),
    _ => await Orchestrator.RunAsync(args),
};

static int RunMicro(string[] args)
{
    var summaries = BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(CdrSdk.Benchmarks.Micro.FilterBuilding).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args);
    return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
}
