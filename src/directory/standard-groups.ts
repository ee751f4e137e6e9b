/**
 * The names of the standard addressee groups of a Vietnamese province's directory: what a
 * document's group phrase ("các sở, ngành", "UBND các xã, phường, đặc khu") stands for. The
 * directory imports the groups it has members for under these names, and the reader names the
 * groups it recognises by the grammar of group phrases with them. Pure constants.
 */
export const STANDARD_GROUPS = {
  /** the province's departments and bodies: "các sở, ban, ngành (tỉnh)", "các cơ quan chuyên môn" */
  departments: 'các sở, ban, ngành',
  /** the departments that the matter concerns: "các sở, ngành có liên quan" */
  relatedDepartments: 'các sở, ngành liên quan',
  /** whoever the matter concerns: "các cơ quan, đơn vị (có) liên quan", "các cơ quan chức năng" */
  related: 'các cơ quan, đơn vị liên quan',
  communes: 'UBND cấp xã',
  districts: 'UBND cấp huyện',
  provinces: 'UBND cấp tỉnh',
  allLevels: 'UBND các cấp',
  levelsAndSectors: 'các cấp, ngành',
  /** central ministries and ministry-level bodies: "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ" */
  ministries: 'các bộ, ngành',
  investors: 'các chủ đầu tư, ban quản lý dự án',
} as const;
