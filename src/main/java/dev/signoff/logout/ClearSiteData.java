package dev.signoff.logout;

/** {@code Clear-Site-Data} as configured ({@code signoff.clear-site-data}, default {@code "storage"}). */
final class ClearSiteData implements LogoutStep {
    @Override
    public void run(Leaving leaving) {
        leaving.writableResponse().ifPresent(response ->
                leaving.settings().clearSiteDataHeader().ifPresent(v -> response.setHeader("Clear-Site-Data", v)));
    }
}
