namespace ProcedureAssistant.Core.Indexing;

/// <summary>The model behind an index version's dense vectors.</summary>
/// <param name="Name">Names the exact model (a model trained on the corpus would name its own training): a query vector is used only on vectors of the same name.</param>
/// <param name="Dimensions">Size of every vector.</param>
/// <param name="State">The model itself when it was trained on the corpus, stored with the index version; null for a fixed model (every provider today: the corpus-trained LSA provider was removed, the storage kept).</param>
public sealed record DenseModel(string Name, int Dimensions, byte[]? State = null);
