using System.Globalization;

namespace CdrSdk.Benchmarks;

/// <summary>
/// CPU time outside the measuring process, read from Linux's <c>/proc</c>: a process tree's (the emulator's, the
/// PostgreSQL server's with its backends) and the whole machine's busy and idle time. On a machine without
/// <c>/proc</c> every reading is <see langword="null"/> and the harness reports no such columns.
/// </summary>
internal static class CpuAccounting
{
    /// <summary>The kernel's clock ticks a second (<c>USER_HZ</c>), 100 on every Linux the .NET runtime supports.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>
    /// The CPU a process has used with all its descendants, live or ended: its own time, the time of the children it
    /// has reaped (<c>cutime</c>, <c>cstime</c>: PostgreSQL's ended backends), and the live children's own and reaped
    /// time. Null when the process is gone or <c>/proc</c> is missing.
    /// </summary>
    public static TimeSpan? ProcessTree(int processId)
    {
        if (ReadStat(processId) is not { } root)
        {
            return null;
        }

        var ticks = root.OwnTicks + root.ReapedTicks;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != processId && ReadStat(pid) is { } child && child.ParentId == processId)
            {
                ticks += child.OwnTicks + child.ReapedTicks;
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The machine's busy and total CPU time so far, over all cores (the first line of <c>/proc/stat</c>).</summary>
    public static (TimeSpan Busy, TimeSpan Total)? Machine()
    {
        string line;
        try
        {
            line = File.ReadLines("/proc/stat").First();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // cpu  user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        var idle = fields[3] + fields[4];
        return (TimeSpan.FromSeconds((total - idle) / TicksPerSecond), TimeSpan.FromSeconds(total / TicksPerSecond));
    }

    /// <summary>The emulator's, the database server's and the machine's CPU so far (each null where there is none to read).</summary>
    public static CpuReading Read(int? serverProcessId, int? databaseProcessId) => new(
        serverProcessId is { } server ? ProcessTree(server) : null,
        databaseProcessId is { } database ? ProcessTree(database) : null,
        Machine());

    private static ProcessStat? ReadStat(int processId)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so the fields start after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new ProcessStat((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }

    /// <summary>What <c>/proc/PID/stat</c> says of a process: its parent, its own CPU ticks and those of its reaped children.</summary>
    private sealed record ProcessStat(int ParentId, long OwnTicks, long ReapedTicks);
}

/// <summary>One reading of <see cref="CpuAccounting.Read"/>: the CPU used so far by the emulator, the database server and the machine.</summary>
internal sealed record CpuReading(TimeSpan? Server, TimeSpan? Database, (TimeSpan Busy, TimeSpan Total)? Machine)
{
    /// <summary>The emulator's and the database server's CPU a record since <paramref name="before"/>, in µs, and the machine's idle share meanwhile.</summary>
    public (double? Server, double? Database, double? Idle) Since(CpuReading before, long records)
    {
        double? PerRecord(TimeSpan? after, TimeSpan? earlier) => after - earlier is { } used ? used.TotalMilliseconds * 1000 / Math.Max(1, records) : null;
        double? idle = Machine is { } now && before.Machine is { } then && now.Total > then.Total
            ? 1 - ((now.Busy - then.Busy) / (now.Total - then.Total))
            : null;
        return (PerRecord(Server, before.Server), PerRecord(Database, before.Database), idle);
    }
}
