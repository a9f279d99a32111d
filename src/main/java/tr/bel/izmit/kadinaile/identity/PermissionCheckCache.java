package tr.bel.izmit.kadinaile.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * The results of the engine's permission checks on definitions, shared between commands for a short time (10 s).
 * Every command that starts an instance or works on a task asks the database whether the user may
 * ({@code CREATE_INSTANCE} on the definition, {@code TASK_WORK} on the task <em>or</em> its definition): five
 * statements of every microcredit application, and building that statement is a fifth of the engine's CPU time
 * under load (docs/benchmarks.md). The answer for a definition is the same for every instance and task of it.
 *
 * <p>What is kept: checks whose every part names a definition (process, decision, decision requirements) by key,
 * or a whole resource type (no id), for one user with one set of groups. For a check that may be met by any of
 * its parts ("the task <em>or</em> its definition"), the parts on the definition are looked up here first; only when
 * they do not suffice is the whole check, with its per-task parts, asked of the database, uncached. Checks on single
 * tasks, instances and other per-case resources are never kept.
 *
 * <p>{@link TunedAuthorizationManager} forgets everything whenever this node writes an authorization (and again when
 * that transaction commits), so on this node a grant or its removal takes effect at once. On another node of a
 * cluster it takes effect within the time to live.
 */
final class PermissionCheckCache {

    private static final Set<Integer> DEFINITIONS = Set.of(Resources.PROCESS_DEFINITION.resourceType(),
        Resources.DECISION_DEFINITION.resourceType(), Resources.DECISION_REQUIREMENTS_DEFINITION.resourceType());

    private record Atom(int resourceType, String resourceId, int permissions, Long whenNoAuthorization) {
    }

    private record Key(String userId, List<String> groupIds, boolean anyOf, List<Atom> atoms) {
    }

    private final Cache<Key, Boolean> results;
    private final AtomicLong generation = new AtomicLong();

    PermissionCheckCache(Duration timeToLive, Ticker ticker) {
        this.results = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(10_000).ticker(ticker).build();
    }

    /**
     * Whether {@code userId} with {@code groupIds} passes {@code check}; {@code database} evaluates a check (the whole
     * one or its part on definitions) against the authorization rows.
     */
    boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check,
            Predicate<CompositePermissionCheck> database) {
        if (isOnDefinitionsOnly(check)) {
            return cached(userId, groupIds, check, database);
        }
        if (check.isDisjunctive() && check.getCompositeChecks().isEmpty()) {
            List<PermissionCheck> onDefinitions = new ArrayList<>();
            for (PermissionCheck atom : check.getAtomicChecks()) {
                if (isOnDefinition(atom)) {
                    onDefinitions.add(atom);
                }
            }
            if (!onDefinitions.isEmpty()) {
                CompositePermissionCheck part = new CompositePermissionCheck(true);
                part.setAtomicChecks(onDefinitions);
                if (cached(userId, groupIds, part, database)) {
                    return true;
                }
            }
        }
        return database.test(check);
    }

    void invalidate() {
        generation.incrementAndGet();
        results.invalidateAll();
    }

    private boolean cached(String userId, List<String> groupIds, CompositePermissionCheck check,
            Predicate<CompositePermissionCheck> database) {
        Key key = key(userId, groupIds, check);
        Boolean known = results.getIfPresent(key);
        if (known != null) {
            return known;
        }
        long before = generation.get();
        boolean result = database.test(check);
        results.put(key, result);
        if (generation.get() != before) {
            // an authorization was written while the database answered: that answer may predate it
            results.invalidate(key);
        }
        return result;
    }

    static boolean isOnDefinitionsOnly(CompositePermissionCheck check) {
        if (!check.getCompositeChecks().isEmpty() || check.getAtomicChecks().isEmpty()) {
            return false;
        }
        for (PermissionCheck atom : check.getAtomicChecks()) {
            if (!isOnDefinition(atom)) {
                return false;
            }
        }
        return true;
    }

    /** A check on a definition by key, or on a whole resource type: the same answer for every case of it. */
    static boolean isOnDefinition(PermissionCheck atom) {
        if (atom.getResourceIdQueryParam() != null || atom.getResource() == null || atom.getPermission() == null) {
            return false;
        }
        String id = atom.getResourceId();
        return id == null || Authorization.ANY.equals(id) || DEFINITIONS.contains(atom.getResourceType());
    }

    private static Key key(String userId, List<String> groupIds, CompositePermissionCheck check) {
        List<Atom> atoms = new ArrayList<>();
        for (PermissionCheck atom : check.getAtomicChecks()) {
            atoms.add(new Atom(atom.getResourceType(), atom.getResourceId(), atom.getPerms(),
                atom.getAuthorizationNotFoundReturnValue()));
        }
        List<String> groups = groupIds == null ? List.of() : groupIds.stream().sorted().toList();
        return new Key(userId, groups, check.isDisjunctive(), List.copyOf(atoms));
    }
}
