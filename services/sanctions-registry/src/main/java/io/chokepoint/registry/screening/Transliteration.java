package io.chokepoint.registry.screening;

import com.ibm.icu.text.Transliterator;

/**
 * Brings names written in other scripts into Latin letters with ICU, so that "Владимир Путин", "郑富敬" and
 * "محمد" meet the Latin spellings of the lists. Cyrillic goes through BGN/PCGN, the romanisation the US and UK
 * lists use ("Жуков" is "Zhukov", not ISO 9's "Žukov"); everything else through ICU's default Any-Latin.
 * ICU is slow (tens of microseconds a name), so Latin names never reach it.
 */
final class Transliteration {

    private static final String TO_LATIN = "Russian-Latin/BGN; Any-Latin; Latin-ASCII";
    /** Transliterator instances are not documented as thread-safe: one per thread. */
    private static final ThreadLocal<Transliterator> TRANSLITERATOR =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(TO_LATIN));
    /** Below this every character is Latin, a digit, punctuation or a combining mark. */
    private static final char FIRST_NON_LATIN = '\u0370';

    private Transliteration() {
    }

    /**
     * The name in Latin letters.
     *
     * @param latin      the name, transliterated where needed
     * @param unvowelled part of it was written in a script that omits short vowels (Arabic, Hebrew, Syriac,
     *                   Thaana): "محمد" becomes "mhmd", which only its consonants can match to "Muhammad"
     */
    record Result(String latin, boolean unvowelled) {
    }

    static Result toLatin(String raw) {
        boolean foreign = false;
        boolean unvowelled = false;
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (c < FIRST_NON_LATIN || !Character.isLetter(c)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script != Character.UnicodeScript.LATIN) {
                foreign = true;
                unvowelled |= isAbjad(script);
            }
        }
        return foreign ? new Result(TRANSLITERATOR.get().transliterate(raw), unvowelled) : new Result(raw, false);
    }

    private static boolean isAbjad(Character.UnicodeScript script) {
        return script == Character.UnicodeScript.ARABIC || script == Character.UnicodeScript.HEBREW
                || script == Character.UnicodeScript.SYRIAC || script == Character.UnicodeScript.THAANA;
    }
}
