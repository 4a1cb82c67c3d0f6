export const practice = {
  en: {},
  ja: {},
};
