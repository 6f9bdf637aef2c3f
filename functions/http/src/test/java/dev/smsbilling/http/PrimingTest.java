package dev.smsbilling.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.amazonaws.services.lambda.runtime.Context;
import dev.smsbilling.http.testing.Snapshots;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** SnapStart's hook, fired by a snapshot taken through org.crac (see {@code testing.crac}). */
class PrimingTest {

    private static void takeSnapshot() {
        Snapshots.take();
    }

    private static final class Recording extends HttpFunction {
        final List<String> seen = new CopyOnWriteArrayList<>();

        Recording() {
            primeBeforeSnapshot(200, () -> Priming.request("POST /v1/messages/quote").body("{\"content\": \"hi\"}"));
            primeBeforeSnapshot(200, () -> Priming.request("GET /v1/pricing/rates"));
        }

        @Override
        protected ApiResponse handle(ApiRequest request, Context context) {
            seen.add(request.routeKey() + " " + request.requireAccountId() + " " + request.body());
            return ApiResponse.data(200, java.util.Map.of());
        }
    }

    @Test
    void registeredEventsAreAnsweredOnlyWhenASnapshotIsTaken() {
        Recording function = new Recording();
        assertThat(function.seen).as("nothing runs at construction").isEmpty();

        takeSnapshot();

        // Lambda runs the hooks before its snapshot in the reverse order of their registration.
        assertThat(function.seen).containsExactly(
                "GET /v1/pricing/rates BA_priming ",
                "POST /v1/messages/quote BA_priming {\"content\": \"hi\"}");
    }

    @Test
    void aPrimingRequestThatIsRefusedIsReportedAsAFailedStep() {
        new HttpFunction() {
            {
                primeBeforeSnapshot(200, () -> Priming.request("POST /v1/messages/quote").body("{}"));
            }

            @Override
            protected ApiResponse handle(ApiRequest request, Context context) {
                throw new ApiException(ErrorCode.INVALID_REQUEST);
            }
        };

        assertThat(Snapshots.take().failures().toString()).contains("answered 400, not 200");
    }

    @Test
    void aFailingPrimingStepNeverStopsTheSnapshot() {
        Priming.beforeSnapshot("failing", () -> {
            throw new IllegalStateException("no network at snapshot time");
        });

        assertThatCode(PrimingTest::takeSnapshot).doesNotThrowAnyException();
    }
}
