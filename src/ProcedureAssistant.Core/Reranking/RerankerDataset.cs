namespace ProcedureAssistant.Core.Reranking;

/// <summary>One training set of a reranker: its folder name and how many of its questions were used.</summary>
public sealed record RerankerDataset(string Name, int Questions);
