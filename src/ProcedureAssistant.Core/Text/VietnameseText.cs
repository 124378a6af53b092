using System.Buffers;
using System.Globalization;
using System.Text;

namespace ProcedureAssistant.Core.Text;

/// <summary>
/// Vietnamese normalisation rules: Unicode NFC, one canonical tone-mark placement per syllable,
/// lower case, and diacritic folding (đ → d, every mark removed) for text typed without accents.
/// </summary>
public static class VietnameseText
{
    // The five tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng.
    private const string ToneMarks = "\u0300\u0301\u0303\u0309\u0323";

    // Vowel-quality marks stay on their letter: circumflex (â ê ô), breve (ă), horn (ơ ư).
    private const string QualityMarks = "\u0302\u0306\u031B";

    // Tone-free vowels, as they stand after the tone marks are taken off.
    private const string Vowels = "aăâeêioôơuưy";

    private static readonly SearchValues<char> VowelLetters = SearchValues.Create(Vowels);

    /// <summary>NFC, lower case (invariant), and canonical tone placement in every syllable.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lowered = text.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var builder = new StringBuilder(lowered.Length);
        var start = -1;
        for (var i = 0; i <= lowered.Length; i++)
        {
            var inWord = i < lowered.Length && char.IsLetter(lowered[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                builder.Append(PlaceTone(lowered.AsSpan(start, i - start)));
                start = -1;
            }

            if (!inWord && i < lowered.Length)
            {
                builder.Append(lowered[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Removes every diacritic and maps đ to d: "Đăng ký" → "dang ky". Case is kept.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' => 'd',
                'Đ' => 'D',
                _ => c,
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True when the text holds at least one Vietnamese diacritic (or đ).</summary>
    public static bool HasDiacritics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c > 0x7F && char.IsLetter(c) && Fold(c.ToString()) != c.ToString())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rewrites one lower-case syllable with its tone mark on the canonical vowel, so that old-style
    /// and new-style spellings ("hòa"/"hoà", "thủy"/"thuỷ") become the same string.
    /// </summary>
    internal static string PlaceTone(ReadOnlySpan<char> syllable)
    {
        if (IsAscii(syllable))
        {
            return SpellFinalYAsI(syllable.ToString());
        }

        var decomposed = syllable.ToString().Normalize(NormalizationForm.FormD);
        char? tone = null;
        var letters = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (ToneMarks.Contains(c, StringComparison.Ordinal))
            {
                tone ??= c;
            }
            else
            {
                letters.Append(c);
            }
        }

        var bare = SpellFinalYAsI(letters.ToString().Normalize(NormalizationForm.FormC));
        if (tone is null)
        {
            return bare;
        }

        var position = ToneVowelIndex(bare);
        if (position < 0)
        {
            // Not a Vietnamese syllable (no vowel): keep the mark where it was.
            return syllable.ToString().Normalize(NormalizationForm.FormC);
        }

        return (bare[..(position + 1)] + tone.Value + bare[(position + 1)..]).Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// "quý"/"quí", "lý"/"lí", "kỹ"/"kĩ" are two spellings of one syllable: a lone y after a consonant onset
    /// is written i. A lone "y" (as in "y tế") and y inside a rhyme ("uy", "ay", "yê") stay.
    /// </summary>
    private static string SpellFinalYAsI(string bare)
    {
        if (bare.Length < 2 || bare[^1] != 'y')
        {
            return bare;
        }

        var onset = bare.AsSpan(0, bare.Length - 1);
        var consonantsOnly = onset.SequenceEqual("qu") || onset.IndexOfAny(VowelLetters) < 0;
        return consonantsOnly ? string.Concat(onset, "i") : bare;
    }

    /// <summary>Index of the vowel that carries the tone in a syllable written without tone marks.</summary>
    private static int ToneVowelIndex(string bare)
    {
        var first = 0;
        while (first < bare.Length && !IsVowel(bare[first]))
        {
            first++;
        }

        if (first == bare.Length)
        {
            return -1;
        }

        // In "qu" and in "gi" before another vowel, the u/i belongs to the onset.
        if (first > 0 && ((bare[first - 1] == 'q' && bare[first] == 'u') ||
                          (bare[first - 1] == 'g' && bare[first] == 'i' && first + 1 < bare.Length && IsVowel(bare[first + 1]))))
        {
            first++;
        }

        var last = first;
        while (last + 1 < bare.Length && IsVowel(bare[last + 1]))
        {
            last++;
        }

        if (first > last || first >= bare.Length)
        {
            // "gì", "quý" style: the onset letter is the only vowel.
            return first - 1;
        }

        // A vowel with a quality mark always carries the tone; in "ươ" it is the ơ.
        for (var i = last; i >= first; i--)
        {
            if (HasQualityMark(bare[i]))
            {
                return i;
            }
        }

        var length = last - first + 1;
        if (length == 1)
        {
            return first;
        }

        var hasCoda = last + 1 < bare.Length;
        if (hasCoda || length == 3)
        {
            // "hoàng", "ngoài", "khuyên": the tone sits on the vowel before the coda or in the middle.
            return length == 3 ? first + 1 : last;
        }

        // Open two-vowel rhymes: "oa", "oe", "uy" carry it on the second vowel; "ai", "ao", "ia", "ua" on the first.
        var rhyme = bare.Substring(first, 2);
        return rhyme is "oa" or "oe" or "uy" ? last : first;
    }

    private static bool IsVowel(char c) => Vowels.Contains(c, StringComparison.Ordinal);

    private static bool IsAscii(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasQualityMark(char c)
    {
        foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (QualityMarks.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
