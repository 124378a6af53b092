using System.Text;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Documents;

/// <summary>
/// The stable key of a province: its name without diacritics, without "Tỉnh" or "Thành phố", lower case, words
/// joined by hyphens ("Tỉnh Đắk Lắk", "dak lak" and "Đắk Lắk" are all <c>dak-lak</c>).
/// </summary>
public static class ProvinceKey
{
    /// <summary>The key of a province name, or null for a blank name.</summary>
    public static string? Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var words = VietnameseText.Fold(name.Normalize(NormalizationForm.FormC)).ToLowerInvariant()
            .Split([' ', '-', '_', '.', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        if (words.Count > 1 && words[0] == "tinh")
        {
            words.RemoveAt(0);
        }
        else if (words.Count > 2 && words[0] == "thanh" && words[1] == "pho")
        {
            words.RemoveRange(0, 2);
        }

        return words.Count == 0 ? null : string.Join('-', words);
    }
}
