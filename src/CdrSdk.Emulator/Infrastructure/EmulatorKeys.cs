using System.Security.Cryptography;
using System.Text;

namespace CdrSdk.Emulator.Infrastructure;

/// <summary>
/// The keys that sign the emulator's cursors and links, derived from the seed: an emulator restarted with the
/// same seed accepts what an earlier run handed out (a resumed export keeps working), while altering a signed
/// value is still detected.
/// </summary>
internal static class EmulatorKeys
{
    public static byte[] Derive(CdrEmulatorOptions options, string purpose) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"CdrSdk.Emulator/{options.Seed}/{purpose}"));
}
