namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>A chunk of an index version: its segment's place in the version, and its number there.</summary>
internal readonly record struct ChunkReference(int Segment, int Number);
