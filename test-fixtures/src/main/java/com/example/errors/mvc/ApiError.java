package com.example.errors.mvc;

/** The error body of the shipment API. */
public class ApiError {

    private String code;
    private String detail;

    public ApiError() {
    }

    public ApiError(String code, String detail) {
        this.code = code;
        this.detail = detail;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }

    public static final class Builder {
        private String code;
        private String detail;

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public ApiError build() {
            return new ApiError(code, detail);
        }
    }
}
