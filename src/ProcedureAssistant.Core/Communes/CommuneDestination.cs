namespace ProcedureAssistant.Core.Communes;

/// <summary>A commune, ward or special zone after the 2025 merger, and the resolution that formed it.</summary>
/// <param name="Code">Its code (mã đơn vị hành chính, 1027/CTK-CSCL).</param>
/// <param name="Name">"Xã Hòa Phú".</param>
/// <param name="Province">Its province now ("Tỉnh Đắk Lắk").</param>
/// <param name="Resolution">The resolution that arranged its province's communes ("1660/NQ-UBTVQH15").</param>
/// <param name="Article">The clause that formed it ("Điều 1, khoản 1"), read from the resolution's text; null when it was not found.</param>
/// <param name="Partial">True when only part of the old commune in question went into it.</param>
public sealed record CommuneDestination(string Code, string Name, string Province, string? Resolution, string? Article, bool Partial);
