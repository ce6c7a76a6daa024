package io.swirl.interpreter.support;

/** Canned petstore answers and a minimal Swagger 2.0 document for it. */
final class Petstore {

  private Petstore() {}

  static String pet(long id) {
    return "{\"id\":" + id + ",\"name\":\"pet-" + id + "\",\"status\":\"available\"}";
  }

  static String pets() {
    return "[" + pet(1) + "," + pet(2) + "]";
  }

  static final String SWAGGER =
      """
      {"swagger":"2.0","host":"petstore.swagger.io","basePath":"/v2","schemes":["https","http"],
       "paths":{
        "/pet/findByStatus":{"get":{"operationId":"findPetsByStatus",
          "parameters":[{"name":"status","in":"query","type":"array"}]}},
        "/pet/{petId}":{"get":{"operationId":"getPetById",
          "parameters":[{"name":"petId","in":"path","type":"integer"}]}}}}
      """;
}
