package io.iris.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The enabled routing rules of one configuration, grouped by scope and scope id, each group in the order its rules
 * are tried: ascending priority, then creation time, then id. Disabled rules are not part of a table: the snapshot
 * leaves them out, so a rule is disabled by building a table without it.
 *
 * <p>Built once per configuration change, never on the request path. Each rule's requirements
 * ({@link io.iris.gateway.routing.cel.RuleRequirements}) are worked out here from its already compiled
 * expression, so that the engine can rule most rules out without evaluating CEL. Immutable and thread-safe.
 */
public final class RoutingTable {

    /** A table without rules: every request keeps its provider and model. */
    public static final RoutingTable EMPTY = new RoutingTable(Map.of(), RuleGroup.EMPTY, List.of());

    private static final Comparator<RouteRule> ORDER = Comparator.comparingInt(RouteRule::priority)
            .thenComparing(RouteRule::createdAt)
            .thenComparing(rule -> rule.id().toString());

    private static final TraceStep.Scope GLOBAL_SCOPE = new TraceStep.Scope(RuleScope.GLOBAL, Optional.empty());

    /** Groups of the virtual key, team and customer scopes, by scope id as {@link UUID#toString()} spells it. */
    private final Map<RuleScope, Map<String, RuleGroup>> scoped;
    private final RuleGroup global;
    private final List<RouteRule> all;

    private RoutingTable(Map<RuleScope, Map<String, RuleGroup>> scoped, RuleGroup global, List<RouteRule> all) {
        this.scoped = scoped;
        this.global = global;
        this.all = all;
    }

    /**
     * A table of {@code rules}, given in any order. The scope id of a global rule is ignored.
     *
     * @throws IllegalArgumentException when two rules share an id, or a rule of a narrower scope has no scope id
     */
    public static RoutingTable of(List<RouteRule> rules) {
        if (rules.isEmpty()) {
            return EMPTY;
        }
        Set<UUID> ids = new HashSet<>();
        Map<RuleScope, Map<String, List<RouteRule>>> byScope = new EnumMap<>(RuleScope.class);
        List<RouteRule> global = new ArrayList<>();
        for (RouteRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("two routing rules have the id " + rule.id());
            }
            if (rule.scope() == RuleScope.GLOBAL) {
                global.add(rule);
            } else if (rule.scopeId() == null) {
                throw new IllegalArgumentException("routing rule " + rule.id() + " of scope "
                        + rule.scope().wireName() + " has no scope id");
            } else {
                byScope.computeIfAbsent(rule.scope(), s -> new HashMap<>())
                        .computeIfAbsent(rule.scopeId().toString(), id -> new ArrayList<>())
                        .add(rule);
            }
        }
        Map<RuleScope, Map<String, RuleGroup>> scoped = new EnumMap<>(RuleScope.class);
        byScope.forEach((scope, groups) -> scoped.put(scope, groups.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> group(e.getValue())))));
        return new RoutingTable(scoped, group(global), rules.stream().sorted(ORDER).toList());
    }

    private static RuleGroup group(List<RouteRule> rules) {
        return rules.isEmpty() ? RuleGroup.EMPTY : new RuleGroup(rules.stream().sorted(ORDER).toList());
    }

    /** The number of rules. */
    public int size() {
        return all.size();
    }

    /** Every rule of every scope, by priority, then creation time. */
    public List<RouteRule> all() {
        return all;
    }

    /**
     * The rules a request of {@code caller} tries, in order: its virtual key's, its team's, its customer's, then
     * the global rules. Scope ids are matched as {@link UUID#toString()} spells them; an empty id is no scope.
     */
    public List<RouteRule> rulesFor(CallerIdentity caller) {
        return chainFor(caller).groups().stream()
                .flatMap(group -> group.rules().stream())
                .toList();
    }

    ScopeChain chainFor(CallerIdentity caller) {
        List<RuleGroup> groups = new ArrayList<>(4);
        List<TraceStep.Scope> scopes = new ArrayList<>(4);
        add(RuleScope.VIRTUAL_KEY, caller.virtualKeyId(), groups, scopes);
        add(RuleScope.TEAM, caller.teamId(), groups, scopes);
        add(RuleScope.CUSTOMER, caller.customerId(), groups, scopes);
        groups.add(global);
        scopes.add(GLOBAL_SCOPE);
        return new ScopeChain(groups, List.copyOf(scopes));
    }

    private void add(RuleScope scope, String scopeId, List<RuleGroup> groups, List<TraceStep.Scope> scopes) {
        if (scopeId.isEmpty()) {
            return;
        }
        Map<String, RuleGroup> ofScope = scoped.get(scope);
        RuleGroup group = ofScope == null ? null : ofScope.get(scopeId);
        groups.add(group == null ? RuleGroup.EMPTY : group);
        scopes.add(new TraceStep.Scope(scope, Optional.of(scopeId)));
    }

    @Override
    public String toString() {
        return "RoutingTable[" + all.size() + " rules]";
    }
}
