namespace CdrSdk.Kazoo;

/// <summary>The Kazoo crossbar CDR API (IP Telecom, 2600Hz and other Kazoo platforms).</summary>
public interface IKazooClient
{
    /// <summary>CDR listings, documents and CSV exports.</summary>
    IKazooCdrs Cdrs { get; }

    /// <summary>Interaction listings and the legs of one interaction.</summary>
    IKazooInteractions Interactions { get; }
}
