using Npgsql;

namespace CdrSdk.Sync.Stores;

/// <summary>Turns <c>postgres://user:password@host:port/database?sslmode=require</c> into an Npgsql connection string.</summary>
internal static class PostgresUrl
{
    /// <exception cref="CdrSyncException">The URL is malformed (the message never shows it: it may hold a password).</exception>
    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new CdrSyncException("The postgres:// URL is not valid: expected postgres://user:password@host:port/database.") { BeforeAnyWrite = true };
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            try
            {
                builder[Uri.UnescapeDataString(kv[0]).Replace('_', ' ')] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            }
            catch (ArgumentException ex)
            {
                throw new CdrSyncException($"The postgres:// URL has an unknown parameter: {ex.Message}", ex) { BeforeAnyWrite = true };
            }
        }

        return builder.ConnectionString;
    }
}
