import { useTranslation } from 'react-i18next';
import { interfaceLanguages, type InterfaceLanguage } from '../../shared/model/settings';

export function LanguageSwitcher({ onChange }: { onChange: (language: InterfaceLanguage) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span className="language-label">{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={(event) => onChange(event.target.value as InterfaceLanguage)}
        data-testid="language"
      >
        {interfaceLanguages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
