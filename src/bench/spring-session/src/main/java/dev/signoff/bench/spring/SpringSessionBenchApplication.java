package dev.signoff.bench.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Session JDBC as its users run it: form login (CSRF on), an in-memory user from
 * application.properties ({@code spring.security.user.*}), sessions in PostgreSQL with Spring
 * Session's defaults. Every path needs a signed-in user except {@code /statements}.
 */
@SpringBootApplication
public class SpringSessionBenchApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpringSessionBenchApplication.class, args);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/statements").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }
}
