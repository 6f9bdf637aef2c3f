package dev.smsbilling.bench.coldstart.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * Floor (b): the conventional empty HTTP API function, whose event the runtime deserialises with
 * aws-lambda-java-serialization and whose answer it serialises back.
 */
public final class EmptyApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{}").build();
    }
}
