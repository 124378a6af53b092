using System.Text.RegularExpressions;

namespace ProcedureAssistant.Core.Diagnostics;

/// <summary>
/// Hides personal data in what goes to logs and traces. In free text (a question, a query string): numbers of 9 to
/// 16 digits, written whole or in groups ("001203004567", "0912 345 678", "+84 912 345 678": CCCD and CMND numbers,
/// phone numbers, bank accounts) and e-mail addresses. In structured log fields: the whole value of a field whose
/// name says it holds a person's name or contact (<see cref="IsPersonalField"/>), since a name cannot be told from
/// other words. Procedure codes (1.001193), decree numbers (118/2025/NĐ-CP), dates and versions are left alone.
/// </summary>
public static partial class PersonalData
{
    /// <summary>What a hidden value is replaced with.</summary>
    public const string Mask = "[ẩn]";

    // Field names (compared without case) whose values are a person's name or contact details.
    private static readonly HashSet<string> PersonalFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Name", "FullName", "PersonName", "ContactName", "CitizenName", "HoTen",
        "Phone", "PhoneNumber", "Telephone", "Mobile", "Email", "EmailAddress",
        "Cccd", "IdentityNumber", "IdNumber", "Address",
    };

    /// <summary>True when a structured log field of this name holds a person's name or contact.</summary>
    public static bool IsPersonalField(string name) => PersonalFields.Contains(name);

    /// <summary>The text with identity, phone and account numbers and e-mail addresses masked.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = 0;
        foreach (var c in text)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        var redacted = digits >= 9 ? LongNumber().Replace(text, Mask) : text;
        return redacted.Contains('@', StringComparison.Ordinal) ? Email().Replace(redacted, Mask) : redacted;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}.,/])\+?\d(?:[ .\-]?\d){8,15}(?![\p{L}\p{N}]|[.,/]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}.\-]+\.[\p{L}]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
