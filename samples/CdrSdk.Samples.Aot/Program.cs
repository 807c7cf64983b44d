using System.Globalization;
using CdrSdk;
using CdrSdk.Samples.Aot;
using CdrSdk.Tsg;

// Native AOT smoke test: list a range of records of one provider through ICdrSource and print what came back.
//   CdrSdk.Samples.Aot --provider kazoo --base-url URL --api-key KEY --account-id ID --from 2026-10-01 --to 2026-10-02
// Exit code 0 when at least one record was read, 3 when none, 1 on an SDK error, 2 on bad arguments.
// The arguments are read by hand: System.CommandLine 3.0.0 is not trim-clean (IL2070), and this sample must
// publish without a single trim or AOT warning.
SmokeArguments arguments;
try
{
    arguments = SmokeArguments.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(SmokeArguments.Usage);
    return 2;
}

try
{
    await using var client = new CdrClient(arguments.ToOptions(), null, null);
    ICdrSource source = arguments.Provider switch
    {
        "telnyx" => client.Telnyx.AsCdrSource(),
        "voiso" => client.Voiso.AsCdrSource(),
        "tsg" => client.Tsg.AsCdrSource(TsgCdrType.Voice),
        _ => client.Kazoo.AsCdrSource(arguments.AccountId!),
    };
    var count = 0;
    CallRecord? first = null;
    var outcomes = new SortedDictionary<CallOutcome, int>();
    await foreach (var record in source.ListAsync(arguments.Since, arguments.Until).ConfigureAwait(false))
    {
        first ??= record;
        count++;
        outcomes[record.Outcome] = outcomes.GetValueOrDefault(record.Outcome) + 1;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} records"));
    if (first is not null)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first: {first.Id} {first.Kind} {first.Direction} {first.From} -> {first.To} {first.StartedAt:O} {first.Outcome} {first.Cost}"));
        Console.WriteLine("outcomes: " + string.Join(", ", outcomes.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key}={o.Value}"))));
    }

    return count > 0 ? 0 : 3;
}
catch (CdrException ex)
{
    Console.Error.WriteLine($"{ex.GetType().Name}: {ex.Message}");
    return 1;
}
