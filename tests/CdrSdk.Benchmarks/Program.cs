using CdrSdk.Benchmarks;

// Whole-run harness: every measurement runs in a fresh child process (so peak working set is its own), against
// an emulator running in another child process (so the server's memory is not counted).
//   dotnet run -c Release --project tests/CdrSdk.Benchmarks -- <scenario|all> [--quick]
//   (internal) serve: run the emulator; measure <case> <base address> <count>: run one measurement
return args.FirstOrDefault() switch
{
    "serve" => await HarnessServer.RunAsync(args[1..]),
    "measure" => await Measurement.RunAsync(args[1..]),
    _ => await Orchestrator.RunAsync(args),
};
