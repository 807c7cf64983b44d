using CdrSdk.Sync.Tests.Infrastructure;

// One PostgreSQL server for every test of the assembly, stopped when they end.
[assembly: AssemblyFixture(typeof(PostgresServer))]
