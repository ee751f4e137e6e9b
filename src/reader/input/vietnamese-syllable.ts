/**
 * Is a string one Vietnamese syllable? Used to mend words that a PDF split into pieces
 * ("m" + "ộ" + "t" is "một"; "dự" + "án" stays two words). Pure and cheap.
 */

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** onsets, longest first */
const ONSET = '(?:ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
/** vowel nuclei with their vowel off-glides, in the toneless form */
const NUCLEUS =
  '(?:uyê|uya|uây|uôi|ươi|ươu|oai|oay|oao|oeo|iêu|yêu|' +
  'ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|' +
  'a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)';
const CODA = '(?:ch|ng|nh|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);
/** nuclei that never end a syllable: "â", "ă", "iê", "uô", "ươ"... need a final consonant */
const NEEDS_CODA = new RegExp(`^${ONSET}(?:uyê|iê|yê|uô|ươ|uâ|oă|â|ă)$`);

/** Lower-case, NFD with the five tones removed (shapes â ă ê ô ơ ư đ kept), then NFC. */
function toneless(s: string): { base: string; tones: number } {
  const d = s.toLowerCase().normalize('NFD');
  const tones = d.match(TONE)?.length ?? 0;
  return { base: d.replace(TONE, '').normalize('NFC'), tones };
}

export function isVietnameseSyllable(s: string): boolean {
  if (s.length === 0 || s.length > 8) return false;
  const { base, tones } = toneless(s);
  if (tones > 1) return false;
  if (!SYLLABLE.test(base)) return false;
  return !NEEDS_CODA.test(base);
}

/** Does the string contain a vowel letter (so it is not a bare onset like "m", "ch", "ngh")? */
export function hasVowel(s: string): boolean {
  return /[aăâeêioôơuưy]/.test(toneless(s).base);
}
