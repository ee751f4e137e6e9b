-- Search that ignores diacritics for documents too, and honest screens for older rows.
--
-- dondoc_fold is foldText (src/shared/text.ts) in SQL for the letters of Vietnamese and the other
-- Latin alphabets: accents stripped, đ → d, lower case, spaces collapsed. The document search
-- column is generated from it, so no code path can forget to keep it up to date; the query words
-- are folded by foldText, which gives the same letters.
CREATE OR REPLACE FUNCTION dondoc_fold(s text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(translate(s, 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ', 'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy')), '\s+', ' ', 'g'))
$$;
--> statement-breakpoint
ALTER TABLE documents ADD COLUMN IF NOT EXISTS search_text text GENERATED ALWAYS AS (dondoc_fold(coalesce(number, '') || ' ' || coalesce(kind, '') || ' ' || coalesce(subject, '') || ' ' || coalesce(issuer, '') || ' ' || coalesce(signer, '') || ' ' || "text")) STORED;
--> statement-breakpoint
-- Like every text column (0011_field_lengths): folding never lengthens, so the sources' limits
-- (document text 5,000,000 plus the short fields) bound it.
ALTER TABLE documents ADD CONSTRAINT documents_search_text_length CHECK (char_length(search_text) <= 5010000);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS documents_search_trgm_idx ON documents USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
-- A forecast ("Có nguy cơ chậm") never stands next to a completion (report-progress.ts now clears
-- it); rows written before that are cleared here.
UPDATE assignments SET outlook = NULL WHERE outlook IS NOT NULL AND state IN ('completion_reported', 'done');
--> statement-breakpoint
-- A returned completion used to leave progress at 90 %, a figure nobody reported: back to the
-- agency's last reported percent (0 without one) where nothing was reported since the return.
UPDATE assignments a SET progress_percent = coalesce((
    SELECT p.percent FROM progress_reports p
    WHERE p.assignment_id = a.id AND p.kind = 'progress' AND p.percent IS NOT NULL
    ORDER BY p.created_at DESC LIMIT 1), 0)
  WHERE a.state = 'in_progress' AND (
    SELECT p.kind = 'completion' AND p.review_status = 'returned' FROM progress_reports p
    WHERE p.assignment_id = a.id ORDER BY p.created_at DESC LIMIT 1);
