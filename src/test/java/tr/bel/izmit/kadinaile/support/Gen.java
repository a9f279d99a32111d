package tr.bel.izmit.kadinaile.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A generator of test inputs for {@link PropertyCheck}: it draws a value from a {@link Random}, knows its edge cases
 * (drawn first and now and then in between, e.g. 0, the bounds, the empty string) and proposes simpler values of a
 * failing one (shrinking: shorter strings and lists, numbers nearer zero or the lower bound). Our own small set, over
 * plain JUnit 5: see {@link PropertyCheck} for why.
 */
public final class Gen<T> {

    /** How often a draw takes one of the edge cases instead of a random value. */
    private static final double EDGE_CASE_SHARE = 0.05;

    private final Function<Random, T> draw;
    private final Function<T, Stream<T>> shrinker;
    private final List<T> edgeCases;

    private Gen(Function<Random, T> draw, Function<T, Stream<T>> shrinker, List<T> edgeCases) {
        this.draw = draw;
        this.shrinker = shrinker;
        this.edgeCases = edgeCases;
    }

    /** A generator without edge cases and without shrinking. */
    public static <T> Gen<T> from(Function<Random, T> draw) {
        return new Gen<>(draw, value -> Stream.empty(), List.of());
    }

    /** A value: now and then one of the edge cases, else a random one. */
    public T generate(Random random) {
        if (!edgeCases.isEmpty() && random.nextDouble() < EDGE_CASE_SHARE) {
            return edgeCases.get(random.nextInt(edgeCases.size()));
        }
        return draw.apply(random);
    }

    /** Simpler values than this one, the simplest first; a candidate is kept only if the property still fails with it. */
    public Stream<T> shrink(T value) {
        try {
            return shrinker.apply(value);
        } catch (ClassCastException otherAlternative) {
            // a value of oneOf(...) shrunk by an alternative of another type: that alternative has nothing to offer
            return Stream.empty();
        }
    }

    public List<T> edgeCases() {
        return edgeCases;
    }

    /** The same values, mapped; the mapped values are not shrunk (keep the raw input as the property's argument to shrink). */
    public <R> Gen<R> map(Function<T, R> mapper) {
        return new Gen<>(random -> mapper.apply(generate(random)), value -> Stream.empty(),
            edgeCases.stream().map(mapper).toList());
    }

    /** Only the values that pass; a draw is repeated up to 10,000 times. */
    public Gen<T> filter(Predicate<T> keep) {
        return new Gen<>(random -> {
            for (int attempt = 0; attempt < 10_000; attempt++) {
                T value = generate(random);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter let no value pass in 10,000 draws");
        }, value -> shrink(value).filter(keep), edgeCases.stream().filter(keep).toList());
    }

    /** Lists of these values with a size between the bounds. */
    public Gen<List<T>> list(int minSize, int maxSize) {
        return lists(this, minSize, maxSize);
    }

    // ---------------------------------------------------------------- numbers

    /** Integers between the bounds (inclusive); edge cases the bounds and 0; shrinks toward 0 or the bound nearest to it. */
    public static Gen<Integer> ints(int min, int max) {
        long target = Math.max(min, Math.min(max, 0));
        List<Integer> edges = Stream.of(min, max, (int) target).distinct().toList();
        return new Gen<>(random -> (int) (min + (long) (random.nextDouble() * ((long) max - min + 1))),
            value -> towards((long) value, target).map(Long::intValue), edges);
    }

    /** Any int. */
    public static Gen<Integer> integers() {
        return new Gen<>(Random::nextInt, value -> towards((long) value, 0).map(Long::intValue),
            List.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    /** Any long; edge cases 0, ±1 and the extremes; shrinks toward 0. */
    public static Gen<Long> longs() {
        return new Gen<>(Random::nextLong, value -> towards(value, 0), List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /** Longs between the bounds (inclusive). */
    public static Gen<Long> longs(long min, long max) {
        long target = Math.max(min, Math.min(max, 0));
        return new Gen<>(random -> min + (long) (random.nextDouble() * (max - min + 1)), value -> towards(value, target),
            Stream.of(min, max, target).distinct().toList());
    }

    /** Any finite double, with the signed zeros, ±1 and the extremes as edge cases; shrinks toward 0. */
    public static Gen<Double> doubles() {
        return new Gen<>(random -> switch (random.nextInt(3)) {
            case 0 -> (random.nextDouble() - 0.5) * 2 * Double.MAX_VALUE;
            case 1 -> (random.nextDouble() - 0.5) * 2_000_000;
            default -> (double) (random.nextInt(2001) - 1000);
        }, value -> Stream.of(0.0, (double) Math.round(value)).filter(simpler -> Math.abs(simpler) < Math.abs(value)),
            List.of(0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE));
    }

    /** Values from the number toward the target: the target itself, then ever closer to the number (halving the distance). */
    private static Stream<Long> towards(long value, long target) {
        List<Long> candidates = new ArrayList<>();
        // the distance as a BigInteger-free unsigned-safe step: halve it until one
        long distance = value > target ? value - target : target - value;
        if (distance <= 0) {
            // equal, or the distance overflows (e.g. Long.MIN_VALUE to 0): go to the target and halfway
            return value == target ? Stream.empty() : Stream.of(target, value / 2).filter(candidate -> candidate != value);
        }
        candidates.add(target);
        for (long step = distance / 2; step > 0; step /= 2) {
            candidates.add(value > target ? value - step : value + step);
        }
        return candidates.stream().distinct();
    }

    // ---------------------------------------------------------------- choices

    /** One of these values; edge cases the first and the last; shrinks toward the first. */
    @SafeVarargs
    public static <T> Gen<T> of(T... values) {
        return of(Arrays.asList(values));
    }

    /** One of these values; edge cases the first and the last; shrinks toward the first. */
    public static <T> Gen<T> of(List<T> values) {
        List<T> all = List.copyOf(values);
        return new Gen<>(random -> all.get(random.nextInt(all.size())),
            value -> all.indexOf(value) > 0 ? Stream.of(all.get(0)) : Stream.empty(),
            Stream.of(all.get(0), all.get(all.size() - 1)).distinct().toList());
    }

    /** Always this value (may be null). */
    public static <T> Gen<T> just(T value) {
        List<T> edges = new ArrayList<>();
        edges.add(value);
        return new Gen<>(random -> value, same -> Stream.empty(), java.util.Collections.unmodifiableList(edges));
    }

    /** A value of one of the generators, each chosen equally often; a value shrinks through the generators that can. */
    @SafeVarargs
    @SuppressWarnings("unchecked")
    public static <T> Gen<T> oneOf(Gen<? extends T>... alternatives) {
        List<Gen<T>> all = Arrays.stream(alternatives).map(alternative -> (Gen<T>) alternative).toList();
        List<T> edges = new ArrayList<>();
        all.forEach(alternative -> alternative.edgeCases().forEach(edge -> {
            if (!edges.contains(edge)) {
                edges.add(edge);
            }
        }));
        return new Gen<>(random -> all.get(random.nextInt(all.size())).generate(random),
            value -> all.stream().flatMap(alternative -> alternative.shrink(value)), java.util.Collections.unmodifiableList(edges));
    }

    // ---------------------------------------------------------------- text

    /** Any UTF-16 code unit, control characters, lone surrogates and non-characters included. */
    public static Gen<Character> anyChar() {
        return charRange(Character.MIN_VALUE, Character.MAX_VALUE);
    }

    /** A character between the bounds (inclusive). */
    public static Gen<Character> charRange(char min, char max) {
        return new Gen<>(random -> (char) (min + random.nextInt(max - min + 1)), value -> Stream.empty(),
            Stream.of(min, max).distinct().toList());
    }

    /** One of these characters. */
    public static Gen<Character> charsOf(String chars) {
        return of(chars.chars().mapToObj(c -> (char) c).toList());
    }

    /** The digits 0 to 9. */
    public static Gen<Character> digitChars() {
        return charRange('0', '9');
    }

    /**
     * Strings of these characters with a length between the bounds; short strings are drawn more often (half of the
     * draws take a length from the lowest eighth of the range); edge cases the shortest strings. Shrinks by dropping
     * halves, then single characters.
     */
    public static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
        List<String> edges = new ArrayList<>();
        if (minLength == 0) {
            edges.add("");
        }
        if (minLength <= 1 && maxLength >= 1) {
            chars.edgeCases().forEach(edge -> edges.add(String.valueOf(edge)));
        }
        return new Gen<>(random -> {
            int length = size(random, minLength, maxLength);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(chars.generate(random));
            }
            return text.toString();
        }, value -> removals(value.length(), minLength).map(range -> value.substring(0, range[0]) + value.substring(range[1])),
            List.copyOf(edges));
    }

    // ---------------------------------------------------------------- collections

    /** Lists of the elements with a size between the bounds; shrinks by dropping elements, then by shrinking one. */
    public static <T> Gen<List<T>> lists(Gen<T> elements, int minSize, int maxSize) {
        return new Gen<>(random -> {
            int size = size(random, minSize, maxSize);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(elements.generate(random));
            }
            return list;
        }, value -> Stream.concat(removals(value.size(), minSize).map(range -> {
            List<T> shorter = new ArrayList<>(value.subList(0, range[0]));
            shorter.addAll(value.subList(range[1], value.size()));
            return shorter;
        }), java.util.stream.IntStream.range(0, value.size()).boxed().flatMap(index -> elements.shrink(value.get(index)).limit(3)
            .map(simpler -> {
                List<T> copy = new ArrayList<>(value);
                copy.set(index, simpler);
                return copy;
            }))), minSize == 0 ? List.of(List.of()) : List.of());
    }

    /** Lists of exactly this many elements. */
    public static <T> Gen<List<T>> lists(Gen<T> elements, int size) {
        return lists(elements, size, size);
    }

    /**
     * Maps of up to {@code maxSize} entries, the size drawn evenly from 0 to the maximum (keys that come twice count
     * once); shrinks by dropping entries.
     */
    public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int maxSize) {
        return new Gen<>(random -> {
            int size = random.nextInt(maxSize + 1);
            Map<K, V> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                map.put(keys.generate(random), values.generate(random));
            }
            return map;
        }, value -> {
            List<K> order = new ArrayList<>(value.keySet());
            return removals(order.size(), 0).map(range -> {
                Map<K, V> smaller = new LinkedHashMap<>(value);
                order.subList(range[0], range[1]).forEach(smaller::remove);
                return smaller;
            });
        }, List.of(Map.of()));
    }

    // ---------------------------------------------------------------- dates

    /** Dates between the bounds (inclusive); edge cases the bounds; shrinks toward the lower bound. */
    public static Gen<LocalDate> dates(LocalDate min, LocalDate max) {
        long first = min.toEpochDay();
        return longs(first, max.toEpochDay()).mapShrinking(LocalDate::ofEpochDay, LocalDate::toEpochDay)
            .withEdgeCases(List.of(min, max));
    }

    /** Mapped both ways, so the mapped values shrink as the original ones do. */
    public <R> Gen<R> mapShrinking(Function<T, R> there, Function<R, T> back) {
        return new Gen<>(random -> there.apply(generate(random)), value -> shrink(back.apply(value)).map(there),
            edgeCases.stream().map(there).toList());
    }

    private Gen<T> withEdgeCases(List<T> edges) {
        return new Gen<>(draw, shrinker, List.copyOf(edges));
    }

    // ---------------------------------------------------------------- helpers

    /** A size between the bounds; half of the draws from the lowest eighth of the range, as short inputs find most bugs. */
    private static int size(Random random, int min, int max) {
        int span = max - min;
        int range = random.nextBoolean() ? span : span / 8;
        return min + random.nextInt(range + 1);
    }

    /** Index ranges [from, to) to drop from a sequence of this length, largest first, keeping at least {@code min}. */
    private static Stream<int[]> removals(int length, int min) {
        List<int[]> ranges = new ArrayList<>();
        for (int chunk = length - min; chunk >= 1; chunk = chunk == 1 ? 0 : Math.max(1, chunk / 2)) {
            for (int from = 0; from + chunk <= length && ranges.size() < 64; from += chunk) {
                ranges.add(new int[] {from, from + chunk});
            }
            if (chunk == 1) {
                break;
            }
        }
        return ranges.stream();
    }
}
