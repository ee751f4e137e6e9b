/**
 * Passwords too common to accept: the head of the public leak lists, plus Vietnamese ones seen
 * in the same lists ("matkhau", "anhyeuem") and the names of this software. Compared after
 * lower-casing; a password that is one of these with digits or symbols added is refused too
 * (see passwords.ts).
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456', '1234567', '12345678', '123456789', '1234567890', '12345678910', '0123456789', '0987654321',
  '987654321', '111111', '1111111111', '000000', '0000000000', '123123', '123123123', '121212', '112233',
  '654321', '666666', '888888', '999999', '11223344', '123321', '147258369', '159753', '789456123',
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'qwerty', 'qwerty123',
  'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'qazwsx', 'abc123',
  'abcd1234', 'abcdef', 'abcdefgh', 'abcdefghij', 'iloveyou', 'admin', 'admin123', 'administrator',
  'welcome', 'welcome1', 'letmein', 'monkey', 'dragon', 'football', 'baseball', 'sunshine', 'princess',
  'master', 'superman', 'batman', 'trustno1', 'shadow', 'michael', 'jennifer', 'computer', 'internet',
  'secret', 'changeme', 'default', 'guest', 'root', 'toor', 'test', 'test123', 'testtest', 'demo',
  'matkhau', 'matkhau123', 'mat-khau', 'matkhaumoi', 'anhyeuem', 'emyeuanh', 'yeuem', 'vietnam',
  'vietnam123', 'hanoi', 'saigon', 'hochiminh', 'caobang', 'ubnd', 'ubndtinh', 'vanphong', 'dondoc',
  'dondoc123', 'nhiemvu', 'quantri', 'quantrivien', 'taikhoan', 'xinchao', 'tuyet', 'hoilamgi',
]);
