using System.Text.RegularExpressions;

namespace ProcedureAssistant.Api.Contracts;

/// <summary>Vietnamese phone numbers as people type them: "0912 345 678", "0262.3812.345", "+84 912-345-678".</summary>
internal static partial class PhoneNumber
{
    /// <summary>The number with spaces, dots and dashes removed and +84 written as 0, or null when it is not one.</summary>
    public static string? Normalize(string text)
    {
        var digits = Separators().Replace(text.Trim(), string.Empty);
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }

        return Domestic().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex Separators();

    // Mobile numbers have 10 digits with the leading 0, landlines 11 (a 3-digit area code after the 0).
    [GeneratedRegex(@"^0[1-9][0-9]{8,9}$")]
    private static partial Regex Domestic();
}
