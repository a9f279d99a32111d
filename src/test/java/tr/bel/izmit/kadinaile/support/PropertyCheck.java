package tr.bel.izmit.kadinaile.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Property-based tests over plain JUnit 5: a property is an ordinary {@code @Test} that calls {@code forAll(tries,
 * generators..., body)}. Every run draws from a FIXED seed, printed at the start of each property (so a run is
 * reproducible and the same in CI as on a laptop); {@code -Dproperty.seed=N} draws from another seed,
 * {@code -Dproperty.tries=N} multiplies the tries (e.g. 10 for a deeper run). The edge cases of the generators come
 * first, then random values (edge cases among them now and then). A failing input is shrunk (shorter strings and
 * lists, numbers nearer zero) and reported with the seed, the try, the original and the shrunk input.
 *
 * <p>Why our own: jqwik, which these properties used before, is by its maintainer's statement since 1.10 not meant to
 * be used by AI coding agents, and this project is written with them. The maintained alternatives that allow it either
 * bring a second language runtime (kotest-property: Kotlin coroutines; Americium: Scala with its libraries) or have no
 * release since 2019/2020 (QuickTheories, junit-quickcheck); instancio generates data but does not shrink. Our
 * properties need digits, numbers, strings, lists and maps: about 300 lines here, no dependency.
 */
public final class PropertyCheck {

    /** The seed of every run unless {@code -Dproperty.seed} says otherwise. */
    public static final long DEFAULT_SEED = 20_261_207L;
    private static final int MAX_SHRINK_STEPS = 2_000;
    private static final Map<String, AtomicInteger> SAMPLE_CALLS = new ConcurrentHashMap<>();

    private PropertyCheck() {
    }

    /** The body of a property over one input. */
    @FunctionalInterface
    public interface Body1<A> {
        void check(A a) throws Throwable;
    }

    /** The body of a property over two inputs. */
    @FunctionalInterface
    public interface Body2<A, B> {
        void check(A a, B b) throws Throwable;
    }

    /** The body of a property over three inputs. */
    @FunctionalInterface
    public interface Body3<A, B, C> {
        void check(A a, B b, C c) throws Throwable;
    }

    /** The body of a property over four inputs. */
    @FunctionalInterface
    public interface Body4<A, B, C, D> {
        void check(A a, B b, C c, D d) throws Throwable;
    }

    /** Thrown by {@link #assume(boolean)}: the input does not count as a try. */
    private static final class Rejected extends RuntimeException {
        Rejected() {
            super(null, null, false, false);
        }
    }

    /** Skips an input for which the property says nothing (it does not count as a try). */
    public static void assume(boolean condition) {
        if (!condition) {
            throw new Rejected();
        }
    }

    @SuppressWarnings("unchecked")
    public static <A> void forAll(int tries, Gen<A> a, Body1<A> body) {
        run(tries, List.of(a), values -> body.check((A) values[0]));
    }

    @SuppressWarnings("unchecked")
    public static <A, B> void forAll(int tries, Gen<A> a, Gen<B> b, Body2<A, B> body) {
        run(tries, List.of(a, b), values -> body.check((A) values[0], (B) values[1]));
    }

    @SuppressWarnings("unchecked")
    public static <A, B, C> void forAll(int tries, Gen<A> a, Gen<B> b, Gen<C> c, Body3<A, B, C> body) {
        run(tries, List.of(a, b, c), values -> body.check((A) values[0], (B) values[1], (C) values[2]));
    }

    @SuppressWarnings("unchecked")
    public static <A, B, C, D> void forAll(int tries, Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Body4<A, B, C, D> body) {
        run(tries, List.of(a, b, c, d), values -> body.check((A) values[0], (B) values[1], (C) values[2], (D) values[3]));
    }

    /**
     * {@code count} values of the generator for a test that loops over them itself (e.g. payloads sent over HTTP), drawn
     * from the printed seed like a property's inputs.
     */
    public static <T> List<T> samples(Gen<T> gen, int count) {
        String name = caller();
        // every call of the same test draws other values, the same in every run
        int call = SAMPLE_CALLS.computeIfAbsent(name, key -> new AtomicInteger()).getAndIncrement();
        Random random = new Random(seed() ^ name.hashCode() ^ ((long) call << 32));
        System.out.printf("samples %s: %d values, seed %d (-Dproperty.seed=%d repeats them)%n", name, count, seed(), seed());
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(gen.generate(random));
        }
        return values;
    }

    // ---------------------------------------------------------------- the runner

    @FunctionalInterface
    private interface Body {
        void check(Object[] values) throws Throwable;
    }

    private static void run(int tries, List<Gen<?>> gens, Body body) {
        String name = caller();
        long seed = seed();
        int wanted = tries * Integer.getInteger("property.tries", 1);
        Random random = new Random(seed ^ name.hashCode());
        System.out.printf("property %s: %d tries, seed %d (-Dproperty.seed=%d repeats them)%n", name, wanted, seed, seed);
        List<Object[]> edgeCases = edgeCaseCombinations(gens, wanted / 5);
        int checked = 0;
        int rejected = 0;
        for (int attempt = 0; checked < wanted; attempt++) {
            Object[] values = attempt < edgeCases.size() ? edgeCases.get(attempt) : draw(gens, random);
            Throwable failure = outcome(body, values);
            if (failure instanceof Rejected) {
                if (++rejected > 10 * wanted) {
                    throw new AssertionError(name + ": too many inputs rejected by assume(...): " + rejected);
                }
                continue;
            }
            checked++;
            if (failure != null) {
                throw report(name, seed, checked, gens, body, values, failure);
            }
        }
    }

    private static Object[] draw(List<Gen<?>> gens, Random random) {
        Object[] values = new Object[gens.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = gens.get(i).generate(random);
        }
        return values;
    }

    /** Every combination of the generators' edge cases, if there are at most {@code limit}; else none. */
    private static List<Object[]> edgeCaseCombinations(List<Gen<?>> gens, int limit) {
        List<Object[]> combinations = new ArrayList<>();
        combinations.add(new Object[0]);
        for (Gen<?> gen : gens) {
            if (gen.edgeCases().isEmpty()) {
                return List.of();
            }
            List<Object[]> longer = new ArrayList<>();
            for (Object[] combination : combinations) {
                for (Object edge : gen.edgeCases()) {
                    Object[] next = Arrays.copyOf(combination, combination.length + 1);
                    next[combination.length] = edge;
                    longer.add(next);
                }
            }
            if (longer.size() > limit) {
                return List.of();
            }
            combinations = longer;
        }
        return combinations;
    }

    /** What the body threw, or null. */
    private static Throwable outcome(Body body, Object[] values) {
        try {
            body.check(values);
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    /** Shrinks the failing input one argument at a time, keeping a simpler value whenever the property still fails. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AssertionError report(String name, long seed, int attempt, List<Gen<?>> gens, Body body, Object[] original,
                                         Throwable originalFailure) {
        Object[] smallest = original.clone();
        Throwable smallestFailure = originalFailure;
        int steps = 0;
        boolean simpler = true;
        while (simpler && steps < MAX_SHRINK_STEPS) {
            simpler = false;
            for (int i = 0; i < gens.size() && !simpler; i++) {
                Gen gen = gens.get(i);
                for (Object candidate : (Iterable<Object>) gen.shrink(smallest[i]).limit(200)::iterator) {
                    steps++;
                    Object[] values = smallest.clone();
                    values[i] = candidate;
                    Throwable failure = outcome(body, values);
                    if (failure != null && !(failure instanceof Rejected)) {
                        smallest = values;
                        smallestFailure = failure;
                        simpler = true;
                        break;
                    }
                }
            }
        }
        AssertionError error = new AssertionError(String.format(
            "property %s failed at try %d with seed %d (repeat: -Dproperty.seed=%d)%n  input:  %s%n  shrunk: %s (%d shrinking steps)%n  %s",
            name, attempt, seed, seed, show(original), show(smallest), steps, smallestFailure), smallestFailure);
        if (smallestFailure != originalFailure) {
            error.addSuppressed(originalFailure);
        }
        return error;
    }

    private static long seed() {
        return Long.getLong("property.seed", DEFAULT_SEED);
    }

    /** The test method that called in: the first frame of the project's code outside this class (a lambda named as its method). */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
            .filter(frame -> frame.getClassName().startsWith("tr.bel.izmit.")
                && !frame.getClassName().equals(PropertyCheck.class.getName())
                && !frame.getClassName().startsWith(PropertyCheck.class.getName() + "$") && !frame.getMethodName().equals("samples"))
            .findFirst().map(frame -> frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
                + frame.getMethodName().replaceAll("^lambda\\$(.*)\\$\\d+$", "$1")).orElse("?"));
    }

    /** The inputs as text: strings quoted, control characters and surrogates escaped, long values cut. */
    static String show(Object[] values) {
        return Arrays.stream(values).map(PropertyCheck::show).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String show(Object value) {
        String text;
        if (value instanceof String string) {
            StringBuilder escaped = new StringBuilder("\"");
            string.chars().limit(300).forEach(c -> escaped.append(c < 0x20 || c == 0x7f || Character.isSurrogate((char) c)
                || c > 0xfff0 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
            text = escaped.append(string.length() > 300 ? "…\" (" + string.length() + " chars)" : "\"").toString();
        } else {
            text = String.valueOf(value);
            if (text.length() > 600) {
                text = text.substring(0, 600) + "… (" + text.length() + " chars)";
            }
        }
        return text;
    }
}
