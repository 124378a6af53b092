using Microsoft.ML.Tokenizers;

namespace ProcedureAssistant.Core.Embeddings;

/// <summary>The layout of a local ONNX embedding model folder: <c>model.onnx</c> and one tokenizer file.</summary>
internal static class OnnxModelFolder
{
    public const string ModelFile = "model.onnx";

    /// <summary>Tokenizer files read, in order of preference: a WordPiece vocabulary (BERT family) or a SentencePiece model.</summary>
    public static readonly string[] TokenizerFiles = ["vocab.txt", "tokenizer.model", "sentencepiece.bpe.model"];

    public static string? FindTokenizer(string folder) =>
        TokenizerFiles.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    /// <summary>
    /// The folder's tokenizer. WordPiece keeps diacritics (Vietnamese marks carry meaning) and lower-cases;
    /// SentencePiece adds the begin and end of sentence tokens its model defines.
    /// </summary>
    public static Tokenizer LoadTokenizer(string folder)
    {
        var path = FindTokenizer(folder)
            ?? throw new FileNotFoundException($"Embeddings:ModelPath '{folder}' holds no tokenizer file ({string.Join(", ", TokenizerFiles)}).");
        if (Path.GetFileName(path) == "vocab.txt")
        {
            return BertTokenizer.Create(path, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = false });
        }

        using var stream = File.OpenRead(path);
        return SentencePieceTokenizer.Create(stream, addBeginningOfSentence: true, addEndOfSentence: true);
    }
}
