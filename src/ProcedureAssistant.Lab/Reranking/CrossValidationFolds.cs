using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ProcedureAssistant.Core.Reranking;

namespace ProcedureAssistant.Lab.Reranking;

/// <summary>
/// How cross-validation splits the questions: into <see cref="Count"/> folds by question fingerprint, so that a
/// question's groups (as typed and without diacritics, or the same question in two sets) always fall in the same fold.
/// Seed 0 is the split every figure in the reports uses; another seed splits the same questions another way, which
/// shows how much of a figure is owed to the split.
/// </summary>
/// <param name="Count">Number of folds, at least 2.</param>
/// <param name="Seed">Which split; 0 by default.</param>
public sealed record CrossValidationFolds(int Count, int Seed = 0)
{
    /// <summary>The fold (0 to <see cref="Count"/> − 1) of a question, from its fingerprint.</summary>
    public int Of(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentOutOfRangeException.ThrowIfLessThan(Count, 2);
        if (Seed == 0)
        {
            return (int)(ulong.Parse(fingerprint.AsSpan(0, 15), NumberStyles.HexNumber, CultureInfo.InvariantCulture) % (ulong)Count);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Seed}:{fingerprint}")));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)Count);
    }
}
