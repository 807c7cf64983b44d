namespace CdrSdk.Voiso;

/// <summary>The Voiso contact-center API v4 reporting.</summary>
public interface IVoisoClient
{
    /// <summary>The CDR list.</summary>
    IVoisoCdrs Cdrs { get; }
}
