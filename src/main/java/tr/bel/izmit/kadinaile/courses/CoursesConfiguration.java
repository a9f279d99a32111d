package tr.bel.izmit.kadinaile.courses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tr.bel.izmit.kadinaile.engine.SensitiveVariables;

@Configuration(proxyBeanMethods = false)
class CoursesConfiguration {

    @Bean
    SensitiveVariables courseSensitiveVariables() {
        return new SensitiveVariables(CourseProcess.Vars.PERSONAL_DATA);
    }
}
