package dev.smsbilling.system.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the clients saw, and nothing else: every keyed request with each answer it got, the
 * message ids of the unkeyed sends that were acknowledged, how many unkeyed sends are ambiguous
 * (the client heard an error after the write may have happened), and what looked wrong at once.
 */
final class History {
    enum Route {
        SEND("POST /v1/messages"), FUNDS("POST /v1/billing/funds");

        final String key;

        Route(String key) {
            this.key = key;
        }
    }

    /** One answer to one attempt of a request. */
    record Attempt(int status, String body, boolean altered, boolean replayed) {
        boolean success() {
            return status == 201 || status == 202;
        }
    }

    /** A request with an Idempotency-Key, as first sent; retries reuse it. */
    static final class KeyedRequest {
        final Route route;
        final String accountId;
        final String key;
        final String body;
        /** Its client is gone after the first attempt: nobody retries it, not even the healing phase. */
        final boolean abandoned;
        private final List<Attempt> attempts = new ArrayList<>();

        KeyedRequest(Route route, String accountId, String key, String body, boolean abandoned) {
            this.route = route;
            this.accountId = accountId;
            this.key = key;
            this.body = body;
            this.abandoned = abandoned;
        }

        synchronized void answered(Attempt attempt) {
            attempts.add(attempt);
        }

        synchronized List<Attempt> attempts() {
            return List.copyOf(attempts);
        }

        synchronized Optional<Attempt> firstSuccess() {
            return attempts.stream().filter(a -> !a.altered() && a.success()).findFirst();
        }

        /** The last answer to the request as first sent (altered retries are other requests). */
        synchronized Optional<Attempt> last() {
            for (int i = attempts.size() - 1; i >= 0; i--) {
                if (!attempts.get(i).altered()) {
                    return Optional.of(attempts.get(i));
                }
            }
            return Optional.empty();
        }
    }

    /** An acknowledged unkeyed send: its message id and the body of the 202. */
    record UnkeyedSend(String accountId, String body) {
    }

    private final List<KeyedRequest> keyed = new CopyOnWriteArrayList<>();
    private final List<UnkeyedSend> unkeyedAcknowledged = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> ambiguousUnkeyed = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Set<String> violationKinds = ConcurrentHashMap.newKeySet();

    /** Published before it is sent, so another client may retry it while it runs. */
    KeyedRequest keyed(Route route, String accountId, String key, String body) {
        return keyed(route, accountId, key, body, false);
    }

    /** @param abandoned its client never retries it: whatever it left half done, the service must finish alone */
    KeyedRequest keyed(Route route, String accountId, String key, String body, boolean abandoned) {
        KeyedRequest request = new KeyedRequest(route, accountId, key, body, abandoned);
        keyed.add(request);
        return request;
    }

    /** A request some client may retry (never an abandoned one). */
    Optional<KeyedRequest> anyKeyed(SplittableRandom random) {
        List<KeyedRequest> all = keyed.stream().filter(r -> !r.abandoned).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(random.nextInt(all.size())));
    }

    Optional<KeyedRequest> anyAnswered(SplittableRandom random) {
        List<KeyedRequest> answered = keyed.stream().filter(r -> !r.abandoned && r.firstSuccess().isPresent()).toList();
        return answered.isEmpty() ? Optional.empty() : Optional.of(answered.get(random.nextInt(answered.size())));
    }

    List<KeyedRequest> keyedRequests() {
        return List.copyOf(keyed);
    }

    void acknowledged(UnkeyedSend send) {
        unkeyedAcknowledged.add(send);
    }

    List<UnkeyedSend> acknowledgedUnkeyed() {
        return List.copyOf(unkeyedAcknowledged);
    }

    void ambiguous(String accountId) {
        ambiguousUnkeyed.merge(accountId, 1, Integer::sum);
    }

    int ambiguousCount(String accountId) {
        return ambiguousUnkeyed.getOrDefault(accountId, 0);
    }

    int ambiguousTotal() {
        return ambiguousUnkeyed.values().stream().mapToInt(Integer::intValue).sum();
    }

    void violation(String kind, String detail) {
        violationKinds.add(kind);
        violations.add(kind + ": " + detail);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }
}
