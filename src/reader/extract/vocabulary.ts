/**
 * Addressee vocabulary: well-known agency names (so names with commas or verbs inside survive),
 * head words that open an agency name, role words, and the verbs that end a name. Group phrases
 * are read by their grammar (groups.ts), not listed here.
 */
import { STANDARD_GROUPS } from '../../directory/standard-groups';

/** groups that never lead when a concrete addressee is present */
export const VAGUE = new Set<string>([STANDARD_GROUPS.related, STANDARD_GROUPS.relatedDepartments]);

const SO_NAMES = [
  'Tài chính', 'Xây dựng', 'Nông nghiệp và Môi trường', 'Công Thương', 'Y tế', 'Giáo dục và Đào tạo', 'Nội vụ', 'Tư pháp',
  'Khoa học và Công nghệ', 'Dân tộc và Tôn giáo', 'Văn hóa, Thể thao và Du lịch', 'Văn hoá, Thể thao và Du lịch', 'Văn hóa và Thể thao',
  'Du lịch', 'Ngoại vụ', 'Kế hoạch và Đầu tư', 'Tài nguyên và Môi trường', 'Nông nghiệp và Phát triển nông thôn', 'Giao thông vận tải',
  'Lao động - Thương binh và Xã hội', 'Thông tin và Truyền thông', 'Quy hoạch - Kiến trúc',
];
const BO_NAMES = [
  'Tài chính', 'Xây dựng', 'Nông nghiệp và Môi trường', 'Công Thương', 'Y tế', 'Giáo dục và Đào tạo', 'Nội vụ', 'Tư pháp',
  'Khoa học và Công nghệ', 'Dân tộc và Tôn giáo', 'Văn hóa, Thể thao và Du lịch', 'Văn hoá, Thể thao và Du lịch', 'Ngoại giao',
  'Quốc phòng', 'Công an', 'Kế hoạch và Đầu tư', 'Tài nguyên và Môi trường', 'Nông nghiệp và Phát triển nông thôn',
  'Giao thông vận tải', 'Lao động - Thương binh và Xã hội', 'Thông tin và Truyền thông',
];
export const KNOWN_NAMES: string[] = [
  ...SO_NAMES.map((n) => `Sở ${n}`),
  ...BO_NAMES.map((n) => `Bộ ${n}`),
  'Văn phòng Chính phủ', 'Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh', 'Thanh tra Chính phủ', 'Ngân hàng Nhà nước Việt Nam',
  'Ngân hàng Nhà nước', 'Bảo hiểm xã hội Việt Nam', 'Bảo hiểm xã hội tỉnh', 'Kiểm toán Nhà nước', 'Đài Truyền hình Việt Nam',
  'Đài Tiếng nói Việt Nam', 'Thông tấn xã Việt Nam', 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
  'Ban Tuyên giáo và Dân vận Trung ương', 'Ban Tổ chức Trung ương', 'Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh',
  'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Thanh tra tỉnh', 'Thuế tỉnh', 'Kho bạc Nhà nước', 'Chi cục Thống kê tỉnh', 'Ban Dân tộc tỉnh',
  'Ban Quản lý Khu kinh tế tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh', 'Trung tâm Phục vụ hành chính công', 'Tỉnh đoàn',
  'Ban Cơ yếu Chính phủ', 'Tổng Liên đoàn Lao động Việt Nam', 'Liên đoàn Lao động tỉnh', 'Hội Nông dân tỉnh',
  'Hội Liên hiệp Phụ nữ tỉnh', 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch', 'Cơ sở khám bệnh, chữa bệnh',
  'cơ sở khám bệnh, chữa bệnh', 'Ban Thường vụ Tỉnh ủy', 'Thường trực Tỉnh ủy', 'Thường trực HĐND tỉnh', 'Ủy ban nhân dân tỉnh',
  'UBND tỉnh', 'Ủy ban nhân dân cấp tỉnh', 'UBND cấp tỉnh', 'cơ quan soạn thảo', 'Ban Quản lý các khu công nghiệp', 'các tổ chức chính trị - xã hội', 'các đoàn thể chính trị - xã hội',
  'Ủy ban Mặt trận Tổ quốc Việt Nam', 'Mặt trận Tổ quốc Việt Nam', 'Bộ Chỉ huy Bộ đội Biên phòng', 'Bộ Tư lệnh',
];

/** Capitalised head words that open an agency name. */
export const HEADS = [
  'Sở', 'Bộ Chỉ huy', 'Bộ', 'Ban', 'Ủy ban', 'Uỷ ban', 'UBND', 'UBMTTQ', 'MTTQ', 'HĐND', 'Hội đồng', 'Văn phòng', 'VP', 'Công an',
  'Thanh tra', 'Thuế', 'Cục', 'Chi cục', 'Tổng cục', 'Trung tâm', 'Kho bạc', 'Ngân hàng', 'Đài', 'Viện', 'Bệnh viện', 'Tòa án', 'Toà án',
  'Tổng công ty', 'Công ty', 'Tập đoàn', 'Tổng Liên đoàn', 'Liên đoàn', 'Hiệp hội', 'Hội', 'Đoàn', 'Tỉnh ủy', 'Tỉnh uỷ', 'Thành ủy',
  'Thành uỷ', 'Huyện ủy', 'Đảng ủy', 'Đảng uỷ', 'Thường trực', 'Tỉnh đoàn', 'Mặt trận', 'Ngành', 'Quỹ', 'Hải quan', 'Kiểm toán',
  'Học viện', 'Đại học', 'Trường', 'Phòng', 'Bảo hiểm xã hội', 'BHXH', 'Điện lực', 'Chính quyền', 'Cơ quan', 'Cơ sở', 'Lực lượng',
  'Bộ đội', 'Cảnh sát', 'Ban Chỉ đạo', 'Tổ công tác', 'Tổng đội', 'Chi nhánh', 'Báo', 'Ban Quản lý', 'Vụ', 'Cục', 'Tổng cục',
  'Ban Tổ chức', 'Ban Tuyên giáo', 'Ban Nội chính', 'Ủy ban Kiểm tra', 'Văn phòng Tỉnh ủy', 'Kiểm toán Nhà nước',
  'Hạt', 'Đồn', 'Trạm', 'Đội', 'Tổ', 'đại biểu', 'Đại biểu', 'Tổ đảng', 'Đảng đoàn', 'Ban cán sự đảng', 'Đảng bộ', 'Chi bộ', 'Nhà đầu tư', 'Chủ đầu tư', 'Doanh nghiệp',
  'Liên minh', 'Viettel', 'VNPT', 'Bưu điện', 'Cảng vụ', 'Ban Dân tộc', 'Ban Quản lý dự án', 'Trung tâm Y tế', 'Sở',
];
/** heads that need a capitalised next word (or one of the listed lower-case ones) to be an agency */
export const WEAK_HEADS: Record<string, string[]> = {
  Hạt: [], Đồn: [], Trạm: [], Đội: [], Tổ: ['công', 'dân', 'chuyên'], 'đại biểu': [], 'Đại biểu': [], Hội: ['đồng'], Báo: [], Trường: [], Phòng: ['chuyên'], Bộ: [], Ban: ['quản', 'chỉ', 'thường'], Quỹ: [], Đoàn: ['đại', 'thanh', 'công', 'kiểm', 'giám'], Cục: [],
  'Cơ sở': ['khám'], Thuế: ['tỉnh'], Đài: [], Viện: [], Ngành: ['*'], 'Cơ quan': ['soạn', 'thường', 'chủ', 'chuyên'],
  'Chính quyền': ['địa', 'các', 'cơ'], 'Lực lượng': ['*'], Trung: [], Hải: [], Vụ: [],
};

/** "các …" groups (any case) that act as addressees */
export const GROUP_HEADS = [
  'sở', 'bộ', 'ban', 'ngành', 'cấp', 'cơ quan', 'đơn vị', 'địa phương', 'tổ chức', 'doanh nghiệp', 'chủ đầu tư', 'xã', 'phường',
  'huyện', 'tỉnh', 'hội', 'đoàn thể', 'thành viên', 'lực lượng', 'hiệp hội', 'nhà đầu tư', 'cơ sở', 'trường', 'chi nhánh', 'ngân hàng',
  'tập đoàn', 'tổng công ty', 'công ty', 'ban quản lý', 'bệnh viện', 'đại biểu', 'thành viên', 'cá nhân', 'hợp tác xã', 'hộ gia đình',
  'thôn', 'tổ dân phố', 'trung tâm', 'chi cục', 'viện', 'trạm', 'cục', 'tổng cục',
  // "các Cục, Vụ, đơn vị thuộc Bộ": a ministry's departments in a list ("các vụ việc" are cases, not bodies)
  'vụ,',
  // owners named by what they own: "các chủ hồ chứa", "các chủ phương tiện"
  'chủ rừng', 'chủ hồ', 'chủ đập', 'chủ cơ sở', 'chủ phương tiện', 'chủ tàu', 'chủ sở hữu', 'chủ công trình', 'chủ nhà',
  // the Party's committees and bodies: "Các huyện ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy …"
  'cấp ủy', 'cấp uỷ', 'huyện ủy', 'huyện uỷ', 'thị ủy', 'thị uỷ', 'thành ủy', 'thành uỷ', 'đảng ủy', 'đảng uỷ', 'đảng bộ', 'chi bộ',
  'tổ chức đảng', 'tổ chức cơ sở đảng', 'ban đảng', 'đảng đoàn', 'ban cán sự đảng',
];

export const ROLE_WORDS = [
  'Giám đốc', 'Phó Giám đốc', 'Thủ trưởng', 'Người đứng đầu', 'người đứng đầu', 'Chủ tịch', 'Phó Chủ tịch', 'Lãnh đạo', 'lãnh đạo', 'Đồng chí', 'đồng chí',
  'Bộ trưởng', 'Chánh', 'Trưởng ban', 'Trưởng Ban', 'Cục trưởng', 'Chi cục trưởng', 'Tổng Giám đốc',
  'đại diện', 'Đại diện', 'Tổ trưởng', 'Chủ nhiệm', 'Tổng Thư ký', 'Chánh án', 'Tư lệnh', 'Chỉ huy trưởng', 'Trưởng', 'Hiệu trưởng', 'Viện trưởng', 'Thủ trưởng các cơ quan, đơn vị', 'Bí thư', 'thủ trưởng', 'giám đốc', 'chủ tịch',
];

/**
 * The common Vietnamese family names: a person's name after a leader's title opens with one of
 * them ("Phó Chủ tịch UBND tỉnh Nguyễn Văn An"), which tells it from the body the title belongs to.
 */
export const SURNAMES = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh',
  'Đoàn', 'Trương', 'Lâm', 'Mai', 'Hà', 'Tạ', 'Lương', 'Đào', 'Cao', 'Chu', 'Trịnh', 'Tô', 'La', 'Vi', 'Nông', 'Hứa', 'Lò', 'Triệu',
  'Quách', 'Thái', 'Kiều', 'Lưu', 'Tăng', 'Tống', 'Văn', 'Sầm', 'Hầu', 'Giàng', 'Thào', 'Sùng', 'Y', 'H',
];

/** Words that start the predicate: a name ends before them (matched lower-case, exact). */
export const VERBS = [
  'chủ trì', 'đồng chủ trì', 'phối hợp', 'chủ động', 'tiếp tục', 'khẩn trương', 'thực hiện', 'triển khai', 'tổ chức', 'rà soát',
  'đẩy mạnh', 'đẩy nhanh', 'tăng cường', 'nghiên cứu', 'xây dựng', 'hướng dẫn', 'theo dõi', 'tham mưu', 'chỉ đạo', 'có trách nhiệm',
  'chịu trách nhiệm', 'phải', 'cần', 'nghiêm túc', 'tập trung', 'hoàn thành', 'hoàn thiện', 'báo cáo', 'làm việc', 'căn cứ', 'đưa',
  'trình', 'ban hành', 'kiểm tra', 'giám sát', 'bảo đảm', 'đảm bảo', 'quản lý', 'lãnh đạo', 'phấn đấu', 'thống nhất', 'xem xét',
  'lựa chọn', 'là', 'được', 'sẽ', 'đã', 'đang', 'có', 'cung cấp', 'công bố', 'tuyên truyền', 'phổ biến', 'quán triệt', 'định kỳ',
  'thường xuyên', 'kịp thời', 'nâng cao', 'giải quyết', 'xử lý', 'tiếp thu', 'tiếp nhận', 'cập nhật', 'chỉnh sửa', 'đề xuất',
  'kiến nghị', 'tích cực', 'quyết liệt', 'siết chặt', 'khắc phục', 'vận động', 'huy động', 'bố trí', 'phân bổ', 'cân đối', 'rút ngắn',
  'ưu tiên', 'trực tiếp', 'gửi', 'tổng hợp', 'đôn đốc', 'sắp xếp', 'kiện toàn', 'thẩm định', 'phê duyệt', 'thu hồi', 'đánh giá',
  'ghi nhận', 'tán thành', 'nhất trí', 'thông qua', 'biểu dương', 'yêu cầu', 'đề nghị', 'giao', 'cùng', 'theo', 'trong', 'tại',
  'về', 'để', 'nhằm', 'khi', 'sau', 'trước', 'đối với', 'mời', 'làm rõ', 'tăng', 'giảm', 'duy trì', 'phát huy', 'khuyến khích',
  'hỗ trợ', 'bám sát', 'bình ổn', 'thực thi', 'ứng dụng', 'chuẩn bị', 'nắm', 'tuần tra', 'điều tra', 'phát hiện', 'ngăn chặn',
  'đấu tranh', 'kêu gọi', 'thu hút', 'đầu tư', 'xác định', 'xác minh', 'hoàn tất', 'khảo sát', 'lập', 'chấp hành', 'làm',
  'không', 'chưa', 'vẫn', 'cũng', 'luôn', 'với', 'nhưng', 'thì', 'mà', 'hoặc', 'do', 'vì', 'từ', 'đến', 'như', 'bằng', 'còn',
  'tiến hành', 'đề ra', 'định hướng', 'vận hành', 'giúp', 'hướng tới', 'ký', 'phát triển', 'phân công', 'phân tích', 'quan tâm', 'nêu cao', 'củng cố', 'kiểm soát', 'chấm dứt',
  'xác lập', 'tham gia', 'áp dụng', 'nắm chắc', 'chuyển', 'cấp phép', 'hoàn chỉnh', 'soát xét', 'tiếp', 'thẩm tra',
  // more predicates of directives: a name ends before them, so an unknown verb no longer glues
  // itself to the name before it ("Ủy ban nhân dân tỉnh tìm giải pháp")
  'tìm', 'tìm kiếm', 'sớm', 'nhanh chóng', 'dứt điểm', 'mở rộng', 'thành lập', 'điều chỉnh', 'bổ sung', 'sửa đổi',
  'tổng kết', 'sơ kết', 'chuẩn hóa', 'số hóa', 'tập huấn', 'bồi dưỡng', 'xúc tiến', 'quảng bá', 'công khai', 'niêm yết',
  'thông báo', 'thanh toán', 'giải ngân', 'chi trả', 'phân loại', 'thống kê', 'đăng ký', 'lắp đặt', 'trang bị', 'di dời',
  'khởi công', 'thi công', 'nghiệm thu', 'bàn giao', 'giải trình', 'phát động', 'hưởng ứng', 'chú trọng', 'coi trọng',
  'nhân rộng', 'lồng ghép', 'thúc đẩy', 'đổi mới', 'cải thiện', 'tháo gỡ', 'hoàn thành', 'rà soát lại', 'tiếp tục thực hiện',
];
/** verbs that also appear inside agency names after these words (dự án đầu tư xây dựng) */
export const NAME_VERBS = new Set(['đầu tư', 'xây dựng', 'quản lý', 'phát triển', 'giao thông', 'trình', 'kiểm tra', 'giám sát', 'công tác']);
export const NAME_VERB_PREV = new Set(['Đoàn', 'Tổ', 'Ban', 'án', 'tư', 'dựng', 'lý', 'ban', 'chủ', 'tâm', 'Quản', 'quản', 'công']);
/** words that end a name but do not make the name a clause subject */
export const PREPOSITIONS = new Set(['theo', 'trong', 'tại', 'về', 'để', 'nhằm', 'khi', 'sau', 'trước', 'đối với', 'với', 'từ', 'đến', 'như', 'bằng', 'do', 'vì', 'mà', 'thì', 'nhưng', 'hoặc', 'cùng', 'là', 'có', 'được', 'đã', 'đang', 'còn', 'không', 'chưa', 'cũng', 'vẫn', 'luôn']);

/** Predicates that make an item an assessment, not a task. */
export const NON_TASK_VERBS = ['đánh giá cao', 'ghi nhận', 'tán thành', 'nhất trí', 'biểu dương', 'thống nhất với', 'cơ bản thống nhất', 'đã', 'đã được', 'được'];
