package dev.smsbilling.http.message;

import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.http.FieldError;
import dev.smsbilling.pricing.DestinationNotSupported;
import dev.smsbilling.pricing.PricingException;
import java.util.List;

/** A message the pricing jar refused, as the API answers it: 422 for a country without a rate, else 400. */
public final class PricingErrors {
    private PricingErrors() {
    }

    public static ApiException toApi(PricingException e) {
        if (e instanceof DestinationNotSupported unsupported) {
            return new ApiException(ErrorCode.DESTINATION_NOT_SUPPORTED, e.getMessage())
                    .withExtra("country", unsupported.country());
        }
        String path = "to".equals(e.field()) ? "to[0]" : e.field();
        return path == null
                ? new ApiException(ErrorCode.INVALID_REQUEST, e.getMessage())
                : ApiException.invalid("The message cannot be priced.", List.of(new FieldError(path, e.getMessage())));
    }
}
