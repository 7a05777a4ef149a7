import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { findPasswordProblems, PASSWORD_MIN_LENGTH, type PasswordProblem } from '@qizhi/domain';
import styles from './auth.module.css';

const RULES: { problem: PasswordProblem; text: string }[] = [
  { problem: 'tooShort', text: `至少${String(PASSWORD_MIN_LENGTH)}位` },
  { problem: 'classes', text: '大写字母、小写字母、数字、特殊字符至少三类' },
  { problem: 'containsUsername', text: '不能包含用户名' },
  { problem: 'common', text: '不能是常见密码' },
];

/** The password policy, ticked off as the user types. */
export function PasswordPolicy({ password, username }: { password: string; username: string }) {
  const problems = findPasswordProblems(password, username);
  return (
    <ul className={styles.policy} aria-label="密码要求">
      {RULES.map(({ problem, text }) => {
        const ok = password.length > 0 && !problems.includes(problem);
        return (
          <li key={problem} className={ok ? `${styles.rule} ${styles.ruleMet}` : styles.rule}>
            {ok ? <CheckCircleFilled /> : <MinusCircleOutlined />} {text}
          </li>
        );
      })}
    </ul>
  );
}
