package io.relata.metadata.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One revision of the authorization model, compiled: roles with their subtrees worked out,
 * permission sets (the built-in administrator set included) and sharing rules by object. Immutable.
 */
public final class AccessModel {

  public static final AccessModel EMPTY =
      new AccessModel(AccessDocuments.EMPTY, List.of(), List.of(), List.of());

  private final AccessDocuments documents;
  private final Map<String, Role> roles = new LinkedHashMap<>();
  private final Map<String, Set<String>> below = new LinkedHashMap<>();
  private final Map<String, PermissionSet> permissionSets = new LinkedHashMap<>();
  private final Map<String, List<SharingRule>> rulesByObject = new LinkedHashMap<>();

  AccessModel(
      AccessDocuments documents,
      List<Role> roles,
      List<PermissionSet> permissionSets,
      List<SharingRule> sharingRules) {
    this.documents = documents;
    roles.forEach(r -> this.roles.put(r.name(), r));
    for (Role role : roles) {
      below.put(role.name(), Set.copyOf(subtree(role.name())));
    }
    this.permissionSets.put(PermissionSet.ADMINISTRATOR, PermissionSet.administrator());
    permissionSets.forEach(p -> this.permissionSets.put(p.name(), p));
    for (SharingRule rule : sharingRules) {
      rulesByObject.computeIfAbsent(rule.object(), o -> new java.util.ArrayList<>()).add(rule);
    }
    rulesByObject.replaceAll((object, rules) -> List.copyOf(rules));
  }

  /** The documents this model was compiled from. */
  public AccessDocuments documents() {
    return documents;
  }

  public Collection<Role> roles() {
    return roles.values();
  }

  public Optional<Role> role(String name) {
    return Optional.ofNullable(roles.get(name));
  }

  /** The roles strictly below {@code role}, at any depth; empty for an unknown role. */
  public Set<String> subordinates(String role) {
    return below.getOrDefault(role, Set.of());
  }

  /** Whether {@code role} is {@code ancestor} or below it. */
  public boolean within(String role, String ancestor) {
    return role.equals(ancestor) || subordinates(ancestor).contains(role);
  }

  /** Every permission set, the built-in administrator set first. */
  public Collection<PermissionSet> permissionSets() {
    return permissionSets.values();
  }

  public Optional<PermissionSet> permissionSet(String name) {
    return Optional.ofNullable(permissionSets.get(name));
  }

  /** The sharing rules on {@code object}, in document order. */
  public List<SharingRule> sharingRules(String object) {
    return rulesByObject.getOrDefault(object, List.of());
  }

  /** Every sharing rule, grouped by object. */
  public Collection<List<SharingRule>> sharingRules() {
    return rulesByObject.values();
  }

  private Set<String> subtree(String top) {
    Set<String> found = new HashSet<>();
    List<String> frontier = List.of(top);
    while (!frontier.isEmpty()) {
      List<String> next = new java.util.ArrayList<>();
      for (Role role : roles.values()) {
        if (role.parent().filter(frontier::contains).isPresent() && found.add(role.name())) {
          next.add(role.name());
        }
      }
      frontier = next;
    }
    return found;
  }
}
