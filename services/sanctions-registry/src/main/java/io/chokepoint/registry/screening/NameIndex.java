package io.chokepoint.registry.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The listed names by word, so that a query is compared with the few names that share a word with it, and not
 * with the whole list. Words are numbered once (the vocabulary); each word lists the names holding it. A word
 * with a typo finds its listed spelling through its one-letter deletions (a typo of one letter, or two swapped
 * letters, leaves a deletion in common with the original), a word written in two parts ("fu jing") through their
 * concatenation and the reverse, and a word from a script without short vowels through its consonants.
 * The cost of a query grows with the names sharing its words, not with the list: postings are read rarest first
 * until {@link MatcherSettings#maxPostingSize()} names are collected; commoner words only add to those.
 *
 * <p>Not thread-safe: the engine guards it with its read-write lock.
 */
final class NameIndex {

    private static final int MIN_SPLIT_PART = 2;

    private final MatcherSettings settings;
    private final TokenSimilarity similarity;
    /**
     * Every word of the listed names and every one-letter deletion of them, in one map so that a lookup of a query
     * word's deletions costs one probe each.
     */
    private final Map<String, Key> keys = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private IntList[] postings = new IntList[1024];
    /** Consonant skeletons of every word, for queries written in Arabic or Hebrew script. */
    private final Map<String, IntList> skeletons = new HashMap<>();
    /** Consonant skeletons of the words of listed names written in such a script, for Latin queries. */
    private final Map<String, IntList> unvowelledSkeletons = new HashMap<>();
    /** Each word's weight as of the last {@link #reweigh}, by id. */
    private float[] wordWeights = new float[1024];
    private IndexedName[] names = new IndexedName[1024];
    /** Sum of each name's word weights when last computed, by slot: ranks candidates before they are scored. */
    private float[] nameWeights = new float[1024];
    private final IntList freeSlots = new IntList();
    /** Slots added since the last {@link #reweigh}. */
    private final IntList unweighed = new IntList();
    private int slotCount;
    private int liveNames;
    private int namesAtLastWeighing;

    NameIndex(MatcherSettings settings, TokenSimilarity similarity) {
        this.settings = settings;
        this.similarity = similarity;
    }

    int slotCount() {
        return slotCount;
    }

    IndexedName name(int slot) {
        return names[slot];
    }

    String word(int id) {
        return words.get(id);
    }

    void add(IndexedName name) {
        int slot = freeSlots.isEmpty() ? slotCount++ : freeSlots.pop();
        if (slot >= names.length) {
            names = Arrays.copyOf(names, names.length * 2);
            nameWeights = Arrays.copyOf(nameWeights, names.length);
        }
        names[slot] = name;
        name.slot = slot;
        List<String> tokens = name.normalized.tokens();
        name.tokenIds = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            int id = wordId(tokens.get(i), name.normalized.unvowelled());
            name.tokenIds[i] = id;
            if (!contains(name.tokenIds, i, id)) {
                postings[id].add(slot);
            }
        }
        liveNames++;
        unweighed.add(slot);
    }

    void remove(IndexedName name) {
        if (name.slot < 0) {
            return;
        }
        for (int i = 0; i < name.tokenIds.length; i++) {
            if (!contains(name.tokenIds, i, name.tokenIds[i])) {
                postings[name.tokenIds[i]].removeValue(name.slot);
            }
        }
        names[name.slot] = null;
        freeSlots.add(name.slot);
        name.slot = -1;
        liveNames--;
    }

    /** Whether the id occurs in ids before position end: a word repeated in a name is posted once. */
    private static boolean contains(int[] ids, int end, int id) {
        for (int k = 0; k < end; k++) {
            if (ids[k] == id) {
                return true;
            }
        }
        return false;
    }

    /**
     * Recomputes the word weights after a change of the list, and the cached name weights of the names added; all
     * name weights once the list has grown or shrunk by a quarter since they were computed: they only rank
     * candidates, so they may lag a little behind the list, not far. O(words), plus O(names) now and then.
     */
    void reweigh() {
        if (wordWeights.length < words.size()) {
            wordWeights = Arrays.copyOf(wordWeights, postings.length);
        }
        for (int id = 0; id < words.size(); id++) {
            wordWeights[id] = (float) weightOf(postings[id].size());
        }
        if (Math.abs(liveNames - namesAtLastWeighing) * 4 > namesAtLastWeighing) {
            for (int slot = 0; slot < slotCount; slot++) {
                if (names[slot] != null) {
                    nameWeights[slot] = (float) nameWeight(names[slot]);
                }
            }
            namesAtLastWeighing = liveNames;
        } else {
            for (int i = 0; i < unweighed.size(); i++) {
                int slot = unweighed.get(i);
                if (names[slot] != null) {
                    nameWeights[slot] = (float) nameWeight(names[slot]);
                }
            }
        }
        unweighed.clear();
    }

    private double nameWeight(IndexedName name) {
        double total = 0;
        for (int id : name.tokenIds) {
            total += weight(id);
        }
        return total;
    }

    /**
     * How much a word tells, by how few listed names hold it: ln(1 + names / names holding it). A word held by
     * one name in 25,000 weighs 10.1, "al" (held by about 700) 3.6, "company" less still.
     */
    double weight(int wordId) {
        return wordWeights[wordId];
    }

    /** The weight of a word no listed name holds: as rare as can be. */
    double unknownWeight() {
        return weightOf(1);
    }

    private double weightOf(int holders) {
        return Math.log(1 + (double) Math.max(liveNames, 1) / Math.max(holders, 1));
    }

    /** The weights of a listed name's words as of now, then of its words read as legal forms. */
    double[] weights(IndexedName name) {
        List<String> formWords = name.normalized.formWords();
        double[] out = new double[name.tokenIds.length + formWords.size()];
        for (int i = 0; i < name.tokenIds.length; i++) {
            out[i] = weight(name.tokenIds[i]);
        }
        for (int f = 0; f < formWords.size(); f++) {
            out[name.tokenIds.length + f] = weight(formWords.get(f));
        }
        return out;
    }

    /** The weights of a query's words, then of its words read as legal forms. */
    double[] weights(NormalizedName query) {
        List<String> tokens = query.tokens();
        List<String> formWords = query.formWords();
        double[] out = new double[tokens.size() + formWords.size()];
        for (int i = 0; i < tokens.size(); i++) {
            out[i] = weight(tokens.get(i));
        }
        for (int f = 0; f < formWords.size(); f++) {
            out[tokens.size() + f] = weight(formWords.get(f));
        }
        return out;
    }

    /** A word's weight as listed, or as rare as can be for a word no name holds. */
    private double weight(String word) {
        int id = wordId(word);
        return id < 0 || postings[id].isEmpty() ? unknownWeight() : weight(id);
    }

    /** The vocabulary id of a word, or -1. */
    private int wordId(String word) {
        Key key = keys.get(word);
        return key == null ? -1 : key.word;
    }

    private int wordId(String word, boolean unvowelled) {
        Key key = keys.computeIfAbsent(word, k -> new Key());
        int id = key.word;
        if (id < 0) {
            id = words.size();
            key.word = id;
            words.add(word);
            if (id == postings.length) {
                postings = Arrays.copyOf(postings, postings.length * 2);
            }
            postings[id] = new IntList(1);
            if (word.length() >= similarity.shortestWithTypo()) {
                for (String deletion : deletions(word)) {
                    Key deleted = keys.computeIfAbsent(deletion, k -> new Key());
                    if (deleted.deletedFrom == null) {
                        deleted.deletedFrom = new IntList(1);
                    }
                    deleted.deletedFrom.add(id);
                }
            }
            addSkeleton(skeletons, word, id);
        }
        if (unvowelled) {
            addSkeleton(unvowelledSkeletons, word, id);
        }
        return id;
    }

    /** What a string is to the index: a listed word (id, or -1), and the listed words it is a deletion of. */
    private static final class Key {
        int word = -1;
        IntList deletedFrom;
    }

    private static void addSkeleton(Map<String, IntList> index, String word, int id) {
        String skeleton = TokenSimilarity.skeleton(word);
        if (skeleton.length() >= 2) {
            index.computeIfAbsent(skeleton, k -> new IntList(1)).addIfNotLast(id);
        }
    }

    private static List<String> deletions(String word) {
        List<String> out = new ArrayList<>(word.length());
        for (int k = 0; k < word.length(); k++) {
            // Deleting either of two equal neighbours gives the same word.
            if (k > 0 && word.charAt(k) == word.charAt(k - 1)) {
                continue;
            }
            out.add(word.substring(0, k) + word.substring(k + 1));
        }
        return out;
    }

    /**
     * The vocabulary words a query word (or several query words written together) may stand for, with their
     * similarity as {@link TokenSimilarity} gives it: itself, the other spellings of the Arabic article, its typo
     * variants, its consonant skeleton's words; and, for candidates only, the two words it may be split into.
     * Complete for every pair the similarity accepts, except an initial and two typos in words of ten letters or
     * more, which the scorer compares itself.
     */
    Term term(String word, boolean unvowelled, boolean joined) {
        Term term = new Term();
        int exact = wordId(word);
        if (exact >= 0) {
            term.add(exact, 1.0);
        }
        if (joined) {
            // Written apart and with a typo at once is rare enough not to look for.
            return term;
        }
        if (NameNormalizer.ARTICLES.contains(word)) {
            for (String article : NameNormalizer.ARTICLES) {
                int id = wordId(article);
                if (id >= 0) {
                    term.add(id, 1.0);
                }
            }
        }
        if (word.length() >= similarity.shortestWithTypo()) {
            fuzzy(word, unvowelled, term);
        } else if (word.length() >= 2) {
            swaps(word, unvowelled, term);
        }
        if (word.length() >= 2 * MIN_SPLIT_PART) {
            splits(word, term);
        }
        if (unvowelled) {
            bySkeleton(skeletons, word, term);
        } else {
            // Listed names written without short vowels: the scorer compares them itself.
            IntList ids = unvowelledSkeletons.get(TokenSimilarity.skeleton(word));
            for (int i = 0; ids != null && i < ids.size(); i++) {
                term.addPart(ids.get(i));
            }
        }
        return term;
    }

    private void fuzzy(String word, boolean unvowelled, Term term) {
        Key self = keys.get(word);
        if (self != null) {
            verify(word, unvowelled, self.deletedFrom, term);
        }
        for (String deletion : deletions(word)) {
            Key key = keys.get(deletion);
            if (key != null) {
                if (key.word >= 0) {
                    verify(word, unvowelled, key.word, term);
                }
                verify(word, unvowelled, key.deletedFrom, term);
            }
        }
    }

    /** A short word's only typo is two swapped letters ("kmi" for "kim"). */
    private void swaps(String word, boolean unvowelled, Term term) {
        char[] letters = word.toCharArray();
        for (int k = 0; k + 1 < letters.length; k++) {
            if (letters[k] == letters[k + 1]) {
                continue;
            }
            char c = letters[k];
            letters[k] = letters[k + 1];
            letters[k + 1] = c;
            int id = wordId(new String(letters));
            if (id >= 0) {
                verify(word, unvowelled, id, term);
            }
            letters[k + 1] = letters[k];
            letters[k] = c;
        }
    }

    private void verify(String word, boolean unvowelled, IntList ids, Term term) {
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                verify(word, unvowelled, ids.get(i), term);
            }
        }
    }

    private void verify(String word, boolean unvowelled, int id, Term term) {
        if (term.has(id)) {
            return;
        }
        double s = similarity.similarity(word, words.get(id), unvowelled, false);
        if (s >= settings.minTokenSimilarity()) {
            term.add(id, s);
        }
    }

    /** "fujing" may be listed as "fu jing": both parts find candidates (the scorer pairs the words joined). */
    private void splits(String word, Term term) {
        for (int k = MIN_SPLIT_PART; k <= word.length() - MIN_SPLIT_PART; k++) {
            int left = wordId(word.substring(0, k));
            if (left < 0) {
                continue;
            }
            int right = wordId(word.substring(k));
            if (right >= 0) {
                term.addPart(left);
                term.addPart(right);
            }
        }
    }

    private void bySkeleton(Map<String, IntList> index, String word, Term term) {
        IntList ids = index.get(TokenSimilarity.skeleton(word));
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                verify(word, true, ids.get(i), term);
            }
        }
    }

    /**
     * The names most worth scoring: each name collects, for every query term it holds, the term's weight times
     * its similarity; its rank is twice that relative to the weights of the query and of the name (roughly the name
     * similarity it may reach). Postings are read rarest first, and only while the names collected stay within
     * {@link MatcherSettings#maxPostingSize()} (a query word as written, if its own posting does): the words of
     * longer postings (common words) only add to the names already collected, which is cheaper than reading their
     * postings, unless the query has nothing rarer. At most {@code limit} names are returned, none ranked below
     * {@code minRank}.
     */
    int[] candidates(List<Term> terms, double queryWeight, Scratch scratch, int limit, double minRank) {
        scratch.ensure(slotCount);
        List<Lookup> lookups = new ArrayList<>();
        for (Term term : terms) {
            for (int k = 0; k < term.size() + term.partCount(); k++) {
                int id = term.candidateId(k);
                lookups.add(new Lookup(id, (float) (weight(id) * term.candidateSimilarity(k)), postings[id].size(),
                        k == 0 && term.size() > 0 && term.similarity(0) == 1.0));
            }
        }
        lookups.sort(Comparator.comparingInt(Lookup::holders));
        CommonWords common = new CommonWords(lookups.size());
        int budget = settings.maxPostingSize();
        for (Lookup lookup : lookups) {
            int touched = scratch.touched.size();
            // The first posting is read whatever its length (the query may hold nothing rarer); a query word as
            // written is read if it is not common, even when rarer typo variants of other words used the budget up.
            if (touched == 0 && common.isEmpty() || touched + lookup.holders <= budget
                    || lookup.exact && lookup.holders <= budget) {
                collect(postings[lookup.id], lookup.credit, scratch);
            } else {
                common.add(lookup.id, lookup.credit);
            }
        }
        if (!common.isEmpty()) {
            addCommonWords(common, scratch);
        }
        return scratch.best(nameWeights, queryWeight, limit, (float) minRank);
    }

    private static void collect(IntList posting, float credit, Scratch scratch) {
        for (int i = 0; i < posting.size(); i++) {
            scratch.credit(posting.get(i), credit);
        }
    }

    private void addCommonWords(CommonWords common, Scratch scratch) {
        IntList touched = scratch.touched;
        for (int t = 0; t < touched.size(); t++) {
            int slot = touched.get(t);
            for (int id : names[slot].tokenIds) {
                float credit = common.credit(id);
                if (credit > 0) {
                    scratch.credit(slot, credit);
                }
            }
        }
    }

    /**
     * A vocabulary word found for the query: its credit to the names holding it, how many do, and whether it is a
     * query word as written.
     */
    private record Lookup(int id, float credit, int holders, boolean exact) {
    }

    /** The credit of words too common to read the postings of, by id: a small open-addressing table. */
    private static final class CommonWords {
        private final int[] ids;
        private final float[] credits;
        private int size;

        CommonWords(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2) * 2;
            ids = new int[capacity];
            credits = new float[capacity];
            Arrays.fill(ids, -1);
        }

        void add(int id, float credit) {
            int slot = slot(id);
            if (ids[slot] != id) {
                ids[slot] = id;
                size++;
            }
            credits[slot] += credit;
        }

        float credit(int id) {
            int slot = slot(id);
            return ids[slot] == id ? credits[slot] : 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        private int slot(int id) {
            int mask = ids.length - 1;
            int hash = id * 0x9E3779B1;
            int slot = (hash ^ hash >>> 16) & mask;
            while (ids[slot] != -1 && ids[slot] != id) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }
    }

    /**
     * The vocabulary words one query word may stand for, with their similarity; and the parts it may be split
     * into, which only find candidates.
     */
    static final class Term {
        private final IntList ids = new IntList(4);
        private double[] similarities = new double[4];
        private final IntList parts = new IntList(2);

        void add(int id, double similarity) {
            if (has(id)) {
                return;
            }
            if (ids.size() == similarities.length) {
                similarities = Arrays.copyOf(similarities, similarities.length * 2);
            }
            similarities[ids.size()] = similarity;
            ids.add(id);
        }

        void addPart(int id) {
            if (!parts.contains(id)) {
                parts.add(id);
            }
        }

        boolean has(int id) {
            return ids.contains(id);
        }

        int size() {
            return ids.size();
        }

        int id(int k) {
            return ids.get(k);
        }

        double similarity(int k) {
            return similarities[k];
        }

        /** The words that find candidates: the matches, then the split parts (each as a full match). */
        int candidateId(int k) {
            return k < ids.size() ? ids.get(k) : parts.get(k - ids.size());
        }

        double candidateSimilarity(int k) {
            return k < ids.size() ? similarities[k] : 1.0;
        }

        int partCount() {
            return parts.size();
        }

        int part(int k) {
            return parts.get(k);
        }
    }

    /** Per-thread working memory of a query: the credit of each name slot, and which slots have any. */
    static final class Scratch {
        private float[] credit = new float[0];
        final IntList touched = new IntList(1024);

        void ensure(int slots) {
            if (credit.length < slots) {
                credit = new float[Math.max(slots, credit.length * 2)];
            }
        }

        void credit(int slot, float value) {
            if (credit[slot] == 0) {
                touched.add(slot);
            }
            credit[slot] += value;
        }

        /** The best-ranked slots, in no order; clears the credits for the next query. */
        int[] best(float[] nameWeights, double queryWeight, int limit, float minRank) {
            int size = Math.min(limit, touched.size());
            int[] heapSlots = new int[size];
            float[] heapRanks = new float[size];
            int filled = 0;
            for (int t = 0; t < touched.size(); t++) {
                int slot = touched.get(t);
                float rank = (float) (2 * credit[slot] / (queryWeight + nameWeights[slot]));
                credit[slot] = 0;
                if (rank < minRank) {
                    continue;
                }
                if (filled < size) {
                    heapSlots[filled] = slot;
                    heapRanks[filled] = rank;
                    siftUp(heapSlots, heapRanks, filled++);
                } else if (size > 0 && rank > heapRanks[0]) {
                    heapSlots[0] = slot;
                    heapRanks[0] = rank;
                    siftDown(heapSlots, heapRanks, size);
                }
            }
            touched.clear();
            return filled == size ? heapSlots : Arrays.copyOf(heapSlots, filled);
        }

        private static void siftUp(int[] slots, float[] ranks, int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (ranks[parent] <= ranks[i]) {
                    return;
                }
                swap(slots, ranks, i, parent);
                i = parent;
            }
        }

        private static void siftDown(int[] slots, float[] ranks, int size) {
            int i = 0;
            while (true) {
                int smallest = i;
                int left = 2 * i + 1;
                int right = left + 1;
                if (left < size && ranks[left] < ranks[smallest]) {
                    smallest = left;
                }
                if (right < size && ranks[right] < ranks[smallest]) {
                    smallest = right;
                }
                if (smallest == i) {
                    return;
                }
                swap(slots, ranks, i, smallest);
                i = smallest;
            }
        }

        private static void swap(int[] slots, float[] ranks, int a, int b) {
            int s = slots[a];
            slots[a] = slots[b];
            slots[b] = s;
            float r = ranks[a];
            ranks[a] = ranks[b];
            ranks[b] = r;
        }
    }
}
