using System.Text;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>
/// Measures the spelling correction of <see cref="QueryNormalizer"/> against a corpus on questions known to be
/// written correctly (benchmark queries, not the QA set): how many syllables it changes in them, each change a
/// false correction, and, after one synthetic typo per question in a syllable the corpus uses, how often it
/// restores that syllable or turns it into another. Both are measured as typed and with diacritics folded away.
/// A typo drops a letter, drops or changes the tone mark, drops a vowel mark or the stroke of đ, or adds a
/// letter; only typos that make a syllable the corpus does not use count, the only ones the normaliser corrects.
/// Seeded, so a run is repeatable.
/// </summary>
public static class SpellingCalibration
{
    private const string ToneMarks = "\u0300\u0301\u0303\u0309\u0323";
    private const string VowelMarks = "\u0302\u0306\u031B";

    /// <summary>Scores the spelling correction (shorthand is left out) with the given settings.</summary>
    public static SpellingScore Measure(IReadOnlyList<CorpusDocument> corpus, IReadOnlyList<string> questions, QueryNormalization settings, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(settings);
        var vocabulary = new SyllableVocabulary(corpus.Select(IndexVocabulary.Text));
        var normalizer = new QueryNormalizer([], settings with { ExpandShorthand = false, CorrectSpelling = true });
        var random = new Random(seed);
        var typed = new Tally();
        var folded = new Tally();
        foreach (var question in questions)
        {
            var foldedQuestion = VietnameseText.Fold(question);
            typed.Changes += Changes(question, normalizer.Normalize(question, vocabulary)).Count;
            folded.Changes += Changes(foldedQuestion, normalizer.Normalize(foldedQuestion, vocabulary)).Count;
            ScoreTypo(question, isFolded: false, typed);
            ScoreTypo(foldedQuestion, isFolded: true, folded);
        }

        return new SpellingScore(
            questions.Count,
            Per100(typed.Changes, questions.Count),
            Per100(folded.Changes, questions.Count),
            typed.Score(),
            folded.Score());

        void ScoreTypo(string question, bool isFolded, Tally tally)
        {
            var words = question.Split(' ');
            var known = Enumerable.Range(0, words.Length)
                .Where(i => words[i].Length >= 2 && words[i].All(char.IsLower) && vocabulary.Contains(VietnameseText.Normalize(words[i]), isFolded))
                .ToList();
            if (known.Count == 0)
            {
                return;
            }

            var at = known[random.Next(known.Count)];
            var typo = Typo(words[at], random);
            typo = isFolded ? VietnameseText.Fold(typo) : typo;
            if (typo.Length == 0 || vocabulary.Contains(VietnameseText.Normalize(typo), isFolded))
            {
                return;
            }

            var intended = VietnameseText.Normalize(words[at]);
            words[at] = typo;
            var misspelt = string.Join(' ', words);
            var changes = Changes(misspelt, normalizer.Normalize(misspelt, vocabulary));
            tally.Typos++;
            var fixes = changes.Where(c => c.Typed == VietnameseText.Normalize(typo)).Select(c => c.Corrected).ToList();
            if (fixes.Count > 0)
            {
                tally.Restored += fixes[0] == intended ? 1 : 0;
                tally.Miscorrected += fixes[0] == intended ? 0 : 1;
            }
        }
    }

    // One typing error, as people make them on a phone keyboard or with a Telex/VNI input method.
    private static string Typo(string word, Random random)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        switch (random.Next(4))
        {
            case 0 when word.Length > 2:
                return word.Remove(random.Next(word.Length), 1);
            case 1 when decomposed.FirstOrDefault(c => ToneMarks.Contains(c, StringComparison.Ordinal)) is var tone and not '\0':
                var other = ToneMarks[(ToneMarks.IndexOf(tone, StringComparison.Ordinal) + 1 + random.Next(4)) % ToneMarks.Length];
                return (random.Next(2) == 0 ? decomposed.Replace(tone.ToString(), string.Empty, StringComparison.Ordinal) : decomposed.Replace(tone, other)).Normalize(NormalizationForm.FormC);
            case 2 when word.Contains('đ', StringComparison.Ordinal):
                return word.Replace('đ', 'd');
            case 2 when decomposed.FirstOrDefault(c => VowelMarks.Contains(c, StringComparison.Ordinal)) is var mark and not '\0':
                return decomposed.Replace(mark.ToString(), string.Empty, StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
            default:
                return word.Insert(random.Next(word.Length + 1), "hnt"[random.Next(3)].ToString());
        }
    }

    // The syllables a correction changed, as typed and as corrected.
    private static List<(string Typed, string Corrected)> Changes(string before, string after) =>
        TextAnalyzer.Syllables(before).Zip(TextAnalyzer.Syllables(after)).Where(p => p.First != p.Second).ToList();

    private static double Per100(int count, int questions) => questions == 0 ? 0 : 100.0 * count / questions;

    private sealed class Tally
    {
        public int Changes { get; set; }

        public int Typos { get; set; }

        public int Restored { get; set; }

        public int Miscorrected { get; set; }

        public TypoScore Score() => new(Typos, Typos == 0 ? 0 : Restored / (double)Typos, Typos == 0 ? 0 : Miscorrected / (double)Typos);
    }
}
