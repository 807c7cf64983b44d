namespace CdrSdk.Voiso;

/// <summary>How list filters with several values are written in the query string (Voiso's encoding is not confirmed, so it is a choice).</summary>
public enum VoisoArrayStyle
{
    /// <summary><c>key[]=a&amp;key[]=b</c> (Rails style; the default).</summary>
    Brackets = 0,

    /// <summary><c>key=a&amp;key=b</c>.</summary>
    Repeated = 1,
}
