package dev.smsbilling.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** SnapStart's hook, fired the way a snapshot fires it (org.crac fires it only inside a real checkpoint). */
class PrimingTest {

    private static void takeSnapshot() {
        Priming.simulateSnapshot();
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

        assertThat(function.seen).containsExactly(
                "POST /v1/messages/quote BA_priming {\"content\": \"hi\"}",
                "GET /v1/pricing/rates BA_priming ");
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

        assertThat(Priming.simulateSnapshot().failures().toString()).contains("answered 400, not 200");
    }

    @Test
    void aFailingPrimingStepNeverStopsTheSnapshot() {
        Priming.beforeSnapshot("failing", () -> {
            throw new IllegalStateException("no network at snapshot time");
        });

        assertThatCode(PrimingTest::takeSnapshot).doesNotThrowAnyException();
    }
}
