import { describe, expect, it } from 'vitest';
import { isCaption } from '../../../src/core/corpus/isCaption.js';

describe('isCaption', () => {
  it.each([
    // the two captions of the sample articles
    ['Le président russe Vladimir Poutine. (Photo par Alexei DruzhininTASS via Getty Images)'],
    ['(UKRAINIAN BOARD GUARD PRESS OFF / AP)'],
    // credits alone
    ['© AFP'],
    ['Crédit photo : Hennessey Performance'],
    ['Crédits : DR'],
    ['(SERGEI SUPINSKY / AFP)'],
    ['(AFP PHOTO / LUDOVIC MARIN)'],
    ['PHOTO : AFP'],
    ['Photo d’illustration'],
    ['(Photo d’illustration)'],
    ['Illustration'],
    ['Illustration : une autoroute perçue par la technologie LiDAR'],
    ['Photo : Porsche 917 KH aux 24 Heures du Mans 1970'],
    // a short description followed by a credit
    ["Emmanuel Macron à l'Elysée, le 3 janvier. / AFP"],
    ['Des manifestants à Paris, le 5 décembre 2019. AFP / Thomas Samson'],
    ['Vladimir Poutine. © Mikhail Klimentyev / Sputnik / AFP'],
    ['Des soldats ukrainiens près de Donetsk (Reuters / Gleb Garanich)'],
    ['Lamborghini Centenario Roadster 2017 - Crédit : Gooding & Company'],
    ['Le pape François au Vatican. Photo Reuters'],
    ['Le Kremlin, à Moscou. (AFP)'],
  ])('%s', (text) => {
    expect(isCaption(text)).toBe(true);
  });

  it.each([
    // prose that mentions an agency is not a credit
    [
      "Peu auparavant, un porte-parole du Conseil de sécurité nationale des Etats-Unis avait annoncé à l'AFP que " +
        'les négociations du 10 seraient notamment suivies le 12 janvier d’un rendez-vous Otan-Russie.',
    ],
    ["« C'est une décision historique », a déclaré à l'AFP un porte-parole."],
    ['Le président a été élu en 2017. Il a ensuite réformé le code du travail, a rapporté l’agence Reuters.'],
    ['Les hôpitaux de l’Inserm/AP-HP sont saturés, selon un communiqué.'],
    // headlines and crossheads
    ['Moscou dément toute velléité belliqueuse'],
    ['Crise en Ukraine : des pourparlers entre la Russie et les Etats-Unis se tiendront en janvier'],
    ['Grèce: heurts entre police et migrants à Lesbos (AFP)'],
    ['PHOTOS : les plus belles images du salon de Genève'],
    ['VIDÉO. Le maire de Paris annonce sa candidature'],
    // prose that merely starts like a credit, or has brackets
    ["Illustration de l'évolution des pratiques, « un tiers des œufs vendus » sont bio."],
    ['Le chef de l’Etat a réuni les syndicats (CFDT, CGT, FO).'],
    ['Il a fait carrière dans la fonction publique internationale (ONU, OCDE, FMI...)'],
    ['(Il a depuis été libéré.)'],
    [
      '(Crédit photo : KOEN VAN WEEL / ANP / AFP) Il ne dit rien et, le 9 décembre, remporte les enchères pour ' +
        '160.000 euros.',
    ],
    ['« Nous sommes ouverts au dialogue », a-t-il déclaré.'],
    [''],
  ])('not a caption: %s', (text) => {
    expect(isCaption(text)).toBe(false);
  });

  it('does not take a long paragraph ending with a credit for a caption', () => {
    const prose =
      'Le ministre a annoncé jeudi un plan de relance pour les régions touchées par les inondations, avec des ' +
      'aides aux communes, aux agriculteurs et aux commerçants, et promis que les premiers versements ' +
      'arriveraient avant la fin du mois, selon son entourage qui a détaillé le calendrier devant la presse.';
    expect(isCaption(`${prose} (AFP)`)).toBe(false);
    expect(isCaption(`${prose} / AFP`)).toBe(false);
  });
});
