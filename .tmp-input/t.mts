import { tcvn3ToUnicode, unicodeToTcvn3, vniToUnicode, unicodeToVni, detectLegacy } from '../src/reader/input/legacy-vietnamese.ts';
import { LEGACY_SAMPLE } from '../src/reader/input/fixtures/sample-text.ts';
console.log(tcvn3ToUnicode('Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nTH¤NG B¸O'));
console.log(vniToUnicode('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\nCOÄNG HOØA XAÕ HOÄI'));
const t = tcvn3ToUnicode(unicodeToTcvn3(LEGACY_SAMPLE)); console.log(t === LEGACY_SAMPLE, t);
const v = vniToUnicode(unicodeToVni(LEGACY_SAMPLE)); console.log(v === LEGACY_SAMPLE);
console.log(detectLegacy(unicodeToTcvn3(LEGACY_SAMPLE)), detectLegacy(unicodeToVni(LEGACY_SAMPLE)), detectLegacy(LEGACY_SAMPLE), detectLegacy('Café crème brûlée à la française, naïve'));
