package io.relata.platform.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.origin.Origin;
import io.relata.metadata.problem.Problem;
import io.relata.platform.identity.AdminAccount;
import io.relata.platform.identity.User;
import io.relata.platform.identity.UserRepository;
import io.relata.platform.json.JsonCodec;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The documents that ship with Relata (origin {@code core}): today the {@code activity} object,
 * which every record's timeline reads. Installed at start when missing, as a revision by the first
 * administrator. An admin may change them (adding fields or picklist values; the origin then says
 * customised) but not delete them, nor take away the field that links an activity to its record:
 * screens and the timeline count on them.
 */
@Singleton
@Startup
@DependsOn({"AdminAccount", "ModelReloader"})
public class CoreDocuments {

  /** The object of notes, tasks, calls, meetings and emails about a record. */
  public static final String ACTIVITY = "activity";

  private static final List<String> OBJECTS = List.of(ACTIVITY);
  private static final Origin CORE =
      new Origin(Origin.Source.CORE, Optional.empty(), Optional.empty(), false);
  private static final Logger LOG = Logger.getLogger(CoreDocuments.class.getName());

  @Inject private MetadataService metadata;
  @Inject private UserRepository users;

  @PostConstruct
  void install() {
    if (OBJECTS.stream().allMatch(name -> metadata.current().object(name).isPresent())) {
      return;
    }
    Optional<User> author = users.findByUsername(AdminAccount.USERNAME);
    if (author.isEmpty()) {
      LOG.warning("Relata's own objects are missing, and there is no user 'admin' to add them.");
      return;
    }
    try {
      metadata.changeDocuments(
          author.get().asActor(),
          CoreDocuments::withCore,
          "Relata's own objects",
          false,
          Confirmation.NONE);
    } catch (MetadataService.Refused e) {
      // an admin's object took the name: the timeline then shows history only
      LOG.warning("Relata's own objects could not be added: " + e.problems());
    } catch (MetadataService.NeedsConfirmation e) {
      LOG.warning("Adding Relata's own objects would delete data; they were not added.");
    } catch (io.relata.platform.access.AccessDeniedException e) {
      LOG.warning("Relata's own objects are missing, and 'admin' may no longer change the model.");
    }
  }

  /** The core objects as shipped, each stamped with its origin. */
  public static List<JsonNode> objects() {
    return OBJECTS.stream().map(name -> CORE.stamp(read(name))).toList();
  }

  /** {@code documents} with every core object that is missing added. */
  static Documents withCore(Documents documents) {
    Documents result = documents;
    for (String name : OBJECTS) {
      if (documents.find(DocumentKinds.OBJECTS, name).isEmpty()) {
        result = result.put(DocumentKinds.OBJECTS, CORE.stamp(read(name)));
      }
    }
    return result;
  }

  /**
   * Why {@code after} may not follow {@code before}: it leaves out a core document, by the
   * document's name; empty when it keeps them all.
   */
  static Map<String, List<Problem>> removed(Documents before, Documents after) {
    Map<String, List<Problem>> problems = new LinkedHashMap<>();
    for (JsonNode document : before.of(DocumentKinds.OBJECTS)) {
      String name = document.path("name").asText();
      boolean core = Origin.of(document).map(o -> o.source() == Origin.Source.CORE).orElse(false);
      if (!core) {
        continue;
      }
      Optional<JsonNode> kept = after.find(DocumentKinds.OBJECTS, name);
      if (kept.isEmpty()) {
        problems.put(name, List.of(Problem.at("", "metadata.core-document", name)));
        continue;
      }
      // the link to the record it is about is what makes the object what it is
      for (JsonNode field : document.path("fields")) {
        if (field.path("type").asText().equals("about") && !keeps(kept.get(), field)) {
          problems.put(
              name,
              List.of(
                  Problem.at("/fields", "metadata.core-field", field.path("name").asText(), name)));
        }
      }
    }
    return problems;
  }

  private static boolean keeps(JsonNode document, JsonNode field) {
    for (JsonNode kept : document.path("fields")) {
      if (kept.path("name").equals(field.path("name"))
          && kept.path("type").equals(field.path("type"))) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode read(String name) {
    String path = "core/" + name + ".json";
    try (InputStream in = CoreDocuments.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return JsonCodec.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
